/**
 * `@unwind/client/runtime`: what generated client code imports, and the generic `createClient`
 * for any generated method table. Every name here is public and documented in the README.
 */
export { AbortedError } from "./AbortedError.js";
export type { ReconnectOptions } from "./backoffDelay.js";
export type { ClientOf, WithResponse } from "./bindMethods.js";
export type { ChannelAuthTable } from "./ChannelAuthTable.js";
export type {
  AnyChannelTable,
  ChannelData,
  ChannelName,
  ChannelTypes,
  SubscribeByName,
} from "./ChannelByName.js";
export { ChannelNotSubscribedError } from "./ChannelNotSubscribedError.js";
export type { ChannelSubscription } from "./ChannelSubscription.js";
export type { ClientAuth } from "./ClientAuth.js";
export { ClientError, type ClientErrorOptions } from "./ClientError.js";
export { ConnectionClosedError } from "./ConnectionClosedError.js";
export type { ConnectionEvent } from "./ConnectionEvent.js";
export type { CryptoProvider } from "./CryptoProvider.js";
export { createClient, type RpcClient, type RpcClientOptions } from "./createClient.js";
export {
  createHttpTransport,
  type HttpRequestInfo,
  type HttpTransportOptions,
} from "./createHttpTransport.js";
export { createWsTransport } from "./createWsTransport.js";
export { deribitAuth } from "./deribitAuth.js";
export type { HandshakeSend } from "./HandshakeSend.js";
export { HttpStatusError } from "./HttpStatusError.js";
export { InvalidResponseError } from "./InvalidResponseError.js";
export { isPrivateChannel } from "./isPrivateChannel.js";
export type { MethodAuthTable } from "./MethodAuthTable.js";
export { notify } from "./notify.js";
export { RpcError, type RpcErrorClass, type WireError } from "./RpcError.js";
export type { RpcResponse } from "./RpcResponse.js";
export type { SubscribeOptions } from "./SubscribeOptions.js";
export { SubscriptionOverflowError } from "./SubscriptionOverflowError.js";
export { TimeoutError } from "./TimeoutError.js";
export type { AuthCall, AuthSession, Credentials } from "./TokenManager.js";
export type { CallOptions, RpcTransport, Transport } from "./Transport.js";
export { TransportError } from "./TransportError.js";
export { type ErrorClasses, toRpcError } from "./toRpcError.js";
export type { WebSocketConstructor, WebSocketLike } from "./WebSocketLike.js";
export type { WsTransport, WsTransportState } from "./WsTransport.js";
export type { WsTransportOptions } from "./WsTransportOptions.js";
