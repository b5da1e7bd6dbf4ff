import { fileURLToPath } from "node:url";

/** The spec package's directory (works from `src/` and from `dist/`). */
export const specDir = fileURLToPath(new URL("..", import.meta.url));
/** The YAML sources. */
export const sourcesDir = fileURLToPath(new URL("../src", import.meta.url));
/** The committed, assembled document. */
export const openrpcPath = fileURLToPath(new URL("../openrpc.json", import.meta.url));
