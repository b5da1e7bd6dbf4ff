import { readFileSync } from "node:fs";
import { openrpcPath } from "./paths.js";
import type { UnwindDocument } from "./UnwindDocument.js";

/** The assembled OpenRPC document of unwind (`openrpc.json`), parsed. */
export const openrpc: UnwindDocument = JSON.parse(readFileSync(openrpcPath, "utf8"));
