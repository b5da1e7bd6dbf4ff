export { compareOutput, describeDrift, isUpToDate, type OutputDrift } from "./compareOutput.js";
export { createContext, type Context, type ResolvedOptions } from "./context.js";
export { readDocument, type OpenRpcDocument, type Schema, type SchemaObject } from "./document.js";
export { generate } from "./generate.js";
export { type GeneratedFile, type GenerateOptions, type Target, targetNames } from "./GenerateOptions.js";
export { camelCase, pascalCase } from "./names.js";
export { main } from "./runCli.js";
export { writeOutput } from "./writeOutput.js";
