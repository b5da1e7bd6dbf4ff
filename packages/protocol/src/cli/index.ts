export { type ArgContext, type ArgMessages, houseMessages, nodeMessages } from "./ArgMessages.js";
export type { ArgProblem } from "./ArgProblem.js";
export type { ArgValues, OptionSpec } from "./OptionSpec.js";
export { type ReadArgsConfig, type ReadArgsResult, readArgs } from "./readArgs.js";
