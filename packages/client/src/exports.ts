/**
 * The one export list of `@unwind/client` and `@unwind/client/browser`: both entries re-export
 * all of it, and each adds its own `createClient`; what only runs on Node is listed in
 * `index.ts` alone. Everything the spec defines comes from the generated index, so a method,
 * type or error class added to the spec is exported without editing this file.
 */

export type { Client } from "./Client.js";
export * from "./generated/index.js";
export { AbortedError } from "./runtime/AbortedError.js";
export type { ReconnectOptions } from "./runtime/backoffDelay.js";
export { basicAuthorization } from "./runtime/basicAuthorization.js";
export type { ClientOf, WithResponse } from "./runtime/bindMethods.js";
export type { ChannelAuthTable } from "./runtime/ChannelAuthTable.js";
// `ChannelName` here is the spec's schema (a channel name string); the generic
// `ChannelName<ChannelTable>` is exported by `@unwind/client/runtime`.
export type {
  AnyChannelTable,
  ChannelData,
  ChannelTypes,
  SubscribeByName,
} from "./runtime/ChannelByName.js";
export { ChannelNotSubscribedError } from "./runtime/ChannelNotSubscribedError.js";
export type { ChannelSubscription } from "./runtime/ChannelSubscription.js";
export { ClientError, type ClientErrorOptions } from "./runtime/ClientError.js";
export { ConnectionClosedError } from "./runtime/ConnectionClosedError.js";
export type { ConnectionEvent } from "./runtime/ConnectionEvent.js";
export type { CryptoProvider } from "./runtime/CryptoProvider.js";
export {
  type ClientSignatureParams,
  clientSignatureParams,
} from "./runtime/clientSignatureParams.js";
export type {
  AuthOptions,
  BaseClient,
  ClientEnvironment,
  ClientOptions,
} from "./runtime/createBaseClient.js";
export {
  createHttpTransport,
  type HttpRequestInfo,
  type HttpTransportOptions,
} from "./runtime/createHttpTransport.js";
export { createWsTransport } from "./runtime/createWsTransport.js";
export type { HandshakeSend } from "./runtime/HandshakeSend.js";
export { HttpStatusError } from "./runtime/HttpStatusError.js";
export {
  type HmacRequest,
  hmacAuthorization,
  hmacStringToSign,
} from "./runtime/hmacAuthorization.js";
export { InvalidResponseError } from "./runtime/InvalidResponseError.js";
export { isPrivateChannel } from "./runtime/isPrivateChannel.js";
export type { MethodAuthTable } from "./runtime/MethodAuthTable.js";
export type {
  AnyMethodTable,
  MethodTypes,
  RequestArgs,
  RequestByName,
  RequestWithResponseByName,
} from "./runtime/RequestByName.js";
export { ResultValidationError } from "./runtime/ResultValidationError.js";
export type { ResultValidator } from "./runtime/ResultValidator.js";
export {
  RpcError,
  type RpcErrorClass,
  type WireError,
} from "./runtime/RpcError.js";
export type { RpcResponse } from "./runtime/RpcResponse.js";
export type { SubscribeOptions } from "./runtime/SubscribeOptions.js";
export { SubscriptionOverflowError } from "./runtime/SubscriptionOverflowError.js";
export { TimeoutError } from "./runtime/TimeoutError.js";
export {
  type AuthCall,
  type AuthSession,
  type Credentials,
  TokenManager,
} from "./runtime/TokenManager.js";
export type {
  CallOptions,
  RpcTransport,
  Transport,
} from "./runtime/Transport.js";
export { TransportError } from "./runtime/TransportError.js";
export { type ErrorClasses, toRpcError } from "./runtime/toRpcError.js";
export type {
  WebSocketConstructor,
  WebSocketLike,
} from "./runtime/WebSocketLike.js";
export type { WsTransport, WsTransportState } from "./runtime/WsTransport.js";
export type { WsTransportOptions } from "./runtime/WsTransportOptions.js";
export { createWebCrypto } from "./runtime/webCrypto.js";
