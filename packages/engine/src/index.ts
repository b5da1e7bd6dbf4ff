export {
  compareDecimal,
  type Decimal,
  type DecimalResult,
  divideExact,
  formatDecimal,
  formatRatio,
  parseDecimal,
} from "@unwind/protocol";
export type { AccountConfig } from "./Account.js";
export { Account } from "./Account.js";
export { Accounts } from "./Accounts.js";
export {
  benchAccounts,
  type CloseOrder,
  type GeneratedCommands,
  type GeneratorOptions,
  generateCommands,
} from "./bench/generateCommands.js";
export { mulberry32 } from "./bench/random.js";
export { toWireRequest, type WireRequest } from "./bench/toWireRequest.js";
export type {
  CancelAllCommand,
  CancelCommand,
  ClosePositionCommand,
  Command,
  PlaceCommand,
} from "./Command.js";
export { type ApplyObserver, Engine, type EngineOptions, type Journal } from "./Engine.js";
export type { EngineEvent } from "./EngineEvent.js";
export type { EngineSnapshot, OrderSnapshot, PositionSnapshot } from "./EngineSnapshot.js";
export type { EngineState } from "./EngineState.js";
export { enums as specEnums } from "./generated/enums.js";
export { IdSequence } from "./IdSequence.js";
export {
  defaultInstruments,
  type Instrument,
  type InstrumentConfig,
  NEVER_EXPIRES,
} from "./Instrument.js";
export { type LoadInstrumentsResult, loadInstruments } from "./loadInstruments.js";
export { Order } from "./Order.js";
export { OrderBook } from "./OrderBook.js";
export type { OrderStore } from "./OrderStore.js";
export type {
  CancelReason,
  Direction,
  OrderState,
  OrderType,
  TimeInForce,
} from "./OrderVocabulary.js";
export { newOutcome, type Outcome } from "./Outcome.js";
export { Position } from "./Position.js";
export { PriceLevel } from "./PriceLevel.js";
export { type RejectReason, ResultCode, resultMessage } from "./ResultCode.js";
export { Side } from "./Side.js";
export { Trade } from "./Trade.js";
export {
  getAccountSummaries,
  getAccountSummary,
  type WireAccountSummaries,
} from "./wire/accountQueries.js";
export { cancel } from "./wire/cancel.js";
export type {
  ClosePositionErrorType,
  ClosePositionParameters,
  ClosePositionReturnType,
} from "./wire/closePosition.js";
export { closePosition, closePositionJson, parseClosePosition } from "./wire/closePosition.js";
export type { EdgeError, EdgeResult } from "./wire/EdgeResult.js";
export { formatAmount, formatPrice } from "./wire/format.js";
export { getCurrencies, getInstruments, getOrderBook } from "./wire/marketQueries.js";
export { getOpenOrdersByInstrument, getOrderState } from "./wire/orderQueries.js";
export type { Params } from "./wire/parseParams.js";
export {
  type PlaceOrderParameters,
  type PlaceOrderReturnType,
  parsePlaceOrder,
  placeOrder,
  placeOrderJson,
} from "./wire/placeOrder.js";
export { orderJson, placeResultJson } from "./wire/placeResultJson.js";
export { getPosition, getPositions } from "./wire/positionQueries.js";
export type { WireAccountSummary } from "./wire/toWireAccountSummary.js";
export type { WireCurrency } from "./wire/toWireCurrency.js";
export type { WireInstrument } from "./wire/toWireInstrument.js";
export { toWireOrder, type WireOrder } from "./wire/toWireOrder.js";
export type { WireOrderBook } from "./wire/toWireOrderBook.js";
export { toWirePosition, type WirePosition } from "./wire/toWirePosition.js";
export { toWireTrade, type WireTrade } from "./wire/toWireTrade.js";
