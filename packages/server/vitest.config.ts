import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Generated code imports the runtime by package name (`@unwind/server/runtime`), which Node
// resolves through the exports map to `dist/`. Tests run the sources: point the name at them too,
// or a test would hold two copies of every runtime class (and `instanceof` would fail).
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@unwind\/server\/runtime$/,
        replacement: fileURLToPath(new URL("./src/runtime/index.ts", import.meta.url)),
      },
    ],
  },
});
