export { nowMicros } from "@unwind/protocol";
export {
  type CreateServerOptions,
  createServer,
  type RunningServer,
  type ShutdownReport,
  type SpecServerOptions,
  type TableServerOptions,
} from "./createServer.js";
export { type ChannelDescriptor, type ChannelTable, channelTable } from "./generated/channels.js";
export {
  AuthorizationRequiredError,
  errorClasses,
  InternalError,
  InvalidOrUnsupportedInstrumentError,
  InvalidParamsError,
  InvalidPriceError,
  InvalidRequestError,
  MethodNotFoundError,
  MustBeWebsocketRequestError,
  NonIntegerContractAmountError,
  NotOpenOrderError,
  OrderNotFoundError,
  OtherRejectError,
  ParseError,
  PostOnlyRejectError,
  PriceWrongTickError,
  QtyTooLowError,
  ScopeExceededError,
  TooManyConcurrentRequestsError,
  TooManyRequestsError,
  UnauthorizedError,
} from "./generated/errors.js";
export type { Handlers } from "./generated/handlers.js";
export { type MethodTable, methods, specVersion } from "./generated/methods.js";
export { validators } from "./generated/validators.js";
export {
  type ChannelConnection,
  type ChannelHooks,
  ChannelHub,
  type DisconnectInfo,
} from "./runtime/ChannelHub.js";
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
export type { HandlerAnswer, MethodHandlers, MethodTypes } from "./runtime/MethodHandlers.js";
export type { ParamValidator, ValidationError } from "./runtime/ParamValidator.js";
export { parseAuthorization, type SignedRequest } from "./runtime/parseAuthorization.js";
export { protocolErrors } from "./runtime/protocolErrors.js";
export { RawJson, rawJson } from "./runtime/RawJson.js";
export type { HeartbeatControl, Principal, RequestContext } from "./runtime/RequestContext.js";
export { RpcError } from "./runtime/RpcError.js";
export { rawIdText } from "./runtime/rawIdText.js";
export type { AuthOutcome, ServerAuth } from "./runtime/ServerAuth.js";
export { defaultLimits, type ServerLimits } from "./runtime/ServerLimits.js";
export type { Session } from "./runtime/Session.js";
export { subscriptionMethods } from "./runtime/subscriptionHandlers.js";
export { transportHandlers } from "./runtime/transportHandlers.js";
