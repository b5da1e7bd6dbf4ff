export { AbortedError } from "../runtime/AbortedError.js";
export type { ReconnectOptions } from "../runtime/backoffDelay.js";
export { basicAuthorization } from "../runtime/basicAuthorization.js";
export { ClientError, type ClientErrorOptions } from "../runtime/ClientError.js";
export { ConnectionClosedError } from "../runtime/ConnectionClosedError.js";
export type { CryptoProvider } from "../runtime/CryptoProvider.js";
export {
  type ClientSignatureParams,
  clientSignatureParams,
} from "../runtime/clientSignatureParams.js";
export type { AuthOptions, BaseClient, ClientOptions } from "../runtime/createBaseClient.js";
export {
  createHttpTransport,
  type HttpRequestInfo,
  type HttpTransportOptions,
} from "../runtime/createHttpTransport.js";
export {
  type ConnectionEvent,
  createWsTransport,
  type HandshakeSend,
  type WsTransportOptions,
} from "../runtime/createWsTransport.js";
export { HttpStatusError } from "../runtime/HttpStatusError.js";
export {
  type HmacRequest,
  hmacAuthorization,
  hmacStringToSign,
} from "../runtime/hmacAuthorization.js";
export { InvalidResponseError } from "../runtime/InvalidResponseError.js";
export { ResultValidationError } from "../runtime/ResultValidationError.js";
export type { ResultValidator } from "../runtime/ResultValidator.js";
export { RpcError, type RpcErrorClass, type WireError } from "../runtime/RpcError.js";
export type { RpcResponse } from "../runtime/RpcResponse.js";
export { TimeoutError } from "../runtime/TimeoutError.js";
export {
  type AuthCall,
  type AuthSession,
  type Credentials,
  TokenManager,
} from "../runtime/TokenManager.js";
export type { CallOptions, RpcTransport, Transport } from "../runtime/Transport.js";
export { TransportError } from "../runtime/TransportError.js";
export { type ErrorClasses, toRpcError } from "../runtime/toRpcError.js";
export type { WebSocketConstructor, WebSocketLike } from "../runtime/WebSocketLike.js";
export { createWebCrypto } from "../runtime/webCrypto.js";
export { createClient } from "./createClient.js";
