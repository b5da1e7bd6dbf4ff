export type { Client } from "./Client.js";
export { createClient } from "./createClient.js";
export type { Methods } from "./generated/client.js";
export {
  auth,
  buy,
  cancel,
  closePosition,
  createMethods,
  getAccountSummaries,
  getAccountSummary,
  getCurrencies,
  getInstruments,
  getOpenOrdersByInstrument,
  getOrderBook,
  getOrderState,
  getPosition,
  getPositions,
  getTime,
  sell,
  test,
} from "./generated/client.js";
export type {
  AuthErrorType,
  BuyErrorType,
  CancelErrorType,
  ClosePositionErrorType,
  GetAccountSummariesErrorType,
  GetAccountSummaryErrorType,
  GetCurrenciesErrorType,
  GetInstrumentsErrorType,
  GetOpenOrdersByInstrumentErrorType,
  GetOrderBookErrorType,
  GetOrderStateErrorType,
  GetPositionErrorType,
  GetPositionsErrorType,
  GetTimeErrorType,
  SellErrorType,
  TestErrorType,
} from "./generated/errors.js";
export {
  AuthorizationRequiredError,
  errorClasses,
  InternalError,
  InvalidOrUnsupportedInstrumentError,
  InvalidParamsError,
  InvalidPriceError,
  InvalidRequestError,
  MethodNotFoundError,
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
export type {
  ClientMethodDescriptor,
  ClientParamDescriptor,
  MethodTable,
} from "./generated/methods.js";
export {
  methods,
  specVersion,
} from "./generated/methods.js";
export type {
  AccessToken,
  AccountSummaries,
  AccountSummary,
  AccountType,
  AuthErrorCode,
  AuthParameters,
  AuthResult,
  AuthReturnType,
  AuthScope,
  AuthState,
  BookDepth,
  BuyErrorCode,
  BuyParameters,
  BuyReturnType,
  CancelErrorCode,
  CancelParameters,
  CancelReason,
  CancelReturnType,
  ClientId,
  ClientNonce,
  ClientSecret,
  ClientSignature,
  ClientSignatureData,
  ClosePositionErrorCode,
  ClosePositionOrder,
  ClosePositionParameters,
  ClosePositionResult,
  ClosePositionReturnType,
  ClosePositionType,
  Currency,
  CurrencyCode,
  CurrencyFilter,
  CurrencyList,
  Decimal,
  DecimalInput,
  DecimalNumber,
  Direction,
  ExtendedSummaries,
  ExtendedSummary,
  GetAccountSummariesErrorCode,
  GetAccountSummariesParameters,
  GetAccountSummariesReturnType,
  GetAccountSummaryErrorCode,
  GetAccountSummaryParameters,
  GetAccountSummaryReturnType,
  GetCurrenciesErrorCode,
  GetCurrenciesParameters,
  GetCurrenciesReturnType,
  GetInstrumentsErrorCode,
  GetInstrumentsParameters,
  GetInstrumentsReturnType,
  GetOpenOrdersByInstrumentErrorCode,
  GetOpenOrdersByInstrumentParameters,
  GetOpenOrdersByInstrumentReturnType,
  GetOrderBookErrorCode,
  GetOrderBookParameters,
  GetOrderBookReturnType,
  GetOrderStateErrorCode,
  GetOrderStateParameters,
  GetOrderStateReturnType,
  GetPositionErrorCode,
  GetPositionParameters,
  GetPositionReturnType,
  GetPositionsErrorCode,
  GetPositionsParameters,
  GetPositionsReturnType,
  GetTimeErrorCode,
  GetTimeParameters,
  GetTimeReturnType,
  GrantType,
  IncludeExpired,
  Instrument,
  InstrumentKind,
  InstrumentList,
  InstrumentName,
  Liquidity,
  OpenOrdersType,
  Order,
  OrderBook,
  OrderBookLevel,
  OrderBookState,
  OrderId,
  OrderLabel,
  OrderList,
  OrderResult,
  OrderState,
  OrderType,
  Position,
  PositionDirection,
  PositionList,
  PostOnly,
  ReduceOnly,
  RefreshToken,
  RejectPostOnly,
  SellErrorCode,
  SellParameters,
  SellReturnType,
  SettlementPeriod,
  TestErrorCode,
  TestExpectedResult,
  TestParameters,
  TestResult,
  TestReturnType,
  TickDirection,
  TimeInForce,
  Timestamp,
  TokenType,
  Trade,
  TradeId,
  WithdrawalPriority,
} from "./generated/types.js";
export { AbortedError } from "./runtime/AbortedError.js";
export type { ReconnectOptions } from "./runtime/backoffDelay.js";
export { basicAuthorization } from "./runtime/basicAuthorization.js";
export type { ClientOf, WithResponse } from "./runtime/bindMethods.js";
export { ClientError, type ClientErrorOptions } from "./runtime/ClientError.js";
export { ConnectionClosedError } from "./runtime/ConnectionClosedError.js";
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
export {
  type ConnectionEvent,
  createWsTransport,
  type HandshakeSend,
  type WsTransportOptions,
} from "./runtime/createWsTransport.js";
export { HttpStatusError } from "./runtime/HttpStatusError.js";
export {
  type HmacRequest,
  hmacAuthorization,
  hmacStringToSign,
} from "./runtime/hmacAuthorization.js";
export { InvalidResponseError } from "./runtime/InvalidResponseError.js";
export { nodeCrypto } from "./runtime/nodeCrypto.js";
export { ResultValidationError } from "./runtime/ResultValidationError.js";
export type { ResultValidator } from "./runtime/ResultValidator.js";
export {
  RpcError,
  type RpcErrorClass,
  type WireError,
} from "./runtime/RpcError.js";
export type { RpcResponse } from "./runtime/RpcResponse.js";
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
export { createWebCrypto } from "./runtime/webCrypto.js";
