export { type CreateServerOptions, createServer, type RunningServer } from "./createServer.js";
export {
  type BasicCredentials,
  type BearerCredentials,
  type Credentials,
  type HmacCredentials,
  hmacStringToSign,
} from "./runtime/Credentials.js";
export {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from "./runtime/createDispatcher.js";
export type { DispatchResult } from "./runtime/createInvoker.js";
export type { ErrorHook } from "./runtime/createReplies.js";
export { describeParamError, type ParamProblem } from "./runtime/describeParamError.js";
export { hasScope } from "./runtime/hasScope.js";
export type { MethodDescriptor, ParamDescriptor, ParamKind } from "./runtime/MethodDescriptor.js";
export { nowMicros } from "./runtime/nowMicros.js";
export type { ParamValidator, ValidationError } from "./runtime/ParamValidator.js";
export { parseAuthorization, type SignedRequest } from "./runtime/parseAuthorization.js";
export { protocolErrors } from "./runtime/protocolErrors.js";
export type { Principal, RequestContext } from "./runtime/RequestContext.js";
export { RpcError } from "./runtime/RpcError.js";
export type { AuthOutcome, ServerAuth } from "./runtime/ServerAuth.js";
export { defaultLimits, type ServerLimits } from "./runtime/ServerLimits.js";
export type { Session } from "./runtime/Session.js";
