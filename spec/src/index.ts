export { collectRefs } from "./collectRefs.js";
export { createSchemaCompiler, formatSchemaErrors } from "./createSchemaCompiler.js";
export { type DeclaredError, methodErrors } from "./methodErrors.js";
export { openrpc } from "./openrpc.js";
export { openrpcPath } from "./paths.js";
export type {
  AuthExtension,
  ErrorGroup,
  UnwindDocument,
  UnwindMethod,
} from "./UnwindDocument.js";
