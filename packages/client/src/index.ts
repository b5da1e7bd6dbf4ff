// The export list shared with the browser entry is `exports.ts`; what follows runs on Node only.

export { createClient } from "./createClient.js";
export * from "./exports.js";
/** Node only (`node:crypto`): the browser entry has `createWebCrypto()` instead. */
export { nodeCrypto } from "./runtime/nodeCrypto.js";
