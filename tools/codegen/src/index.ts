export { compareOutput, describeDrift, isUpToDate, type OutputDrift } from "./compareOutput.js";
export { type Context, createContext, type ResolvedOptions } from "./context.js";
export { type OpenRpcDocument, readDocument, type Schema, type SchemaObject } from "./document.js";
export { parseDocumentText, resolveExternalRefs } from "./externalRefs.js";
export {
  type GeneratedFile,
  type GenerateOptions,
  type Target,
  targetNames,
} from "./GenerateOptions.js";
export { generate } from "./generate.js";
export { camelCase, pascalCase } from "./names.js";
export { main } from "./runCli.js";
export { writeOutput } from "./writeOutput.js";
