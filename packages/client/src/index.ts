export { AbortedError } from "./runtime/AbortedError.js";
