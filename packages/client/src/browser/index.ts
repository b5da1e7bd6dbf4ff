// The export list shared with the Node entry (`../exports.ts`), minus what needs Node
// (`nodeCrypto`, listed in `../index.ts`), plus the browser's own `createClient`.
export * from "../exports.js";
export { createClient } from "./createClient.js";
