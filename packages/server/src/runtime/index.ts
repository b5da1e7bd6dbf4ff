/**
 * `@unwind/server/runtime`: what generated server code imports, and the server that serves any
 * generated method table (`createServer({ methods, validators, handlers })`). Every name here is
 * public and documented in the README.
 */
// biome-ignore-all assist/source/organizeImports: RpcError must come first (below).
// First: the generated error classes extend RpcError and are imported (through this entry) while
// createServer below is still loading, so RpcError must be evaluated before it.
export { RpcError } from "./RpcError.js";

export {
  type CreateServerOptions,
  createServer,
  type RunningServer,
  type ShutdownReport,
  type TableServerOptions,
} from "../createServer.js";
export {
  type ChannelConnection,
  type ChannelHooks,
  ChannelHub,
  type DisconnectInfo,
} from "./ChannelHub.js";
export {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from "./createDispatcher.js";
export type { DispatchResult } from "./createInvoker.js";
export type { ErrorHook } from "./createReplies.js";
export { describeParamError, type ParamProblem } from "./describeParamError.js";
export type { MethodDescriptor, ParamDescriptor, ParamKind } from "./MethodDescriptor.js";
export type { HandlerAnswer, MethodHandlers, MethodTypes } from "./MethodHandlers.js";
export type { ParamValidator, ValidationError } from "./ParamValidator.js";
export { protocolErrors } from "./protocolErrors.js";
export { RawJson, rawJson } from "./RawJson.js";
export type { Principal, RequestContext } from "./RequestContext.js";
export type { AuthOutcome, ServerAuth } from "./ServerAuth.js";
export { defaultLimits, type ServerLimits } from "./ServerLimits.js";
export type { Session } from "./Session.js";
