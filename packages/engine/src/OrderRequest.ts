import type { Account } from "./Account.js";
import type { OrderBook } from "./OrderBook.js";
import type { Direction, OrderType, TimeInForce } from "./OrderVocabulary.js";

/**
 * A validated order request: the shared input of buy, sell and close_position. The engine keeps
 * one and refills it for each command, so placing an order allocates no request object.
 */
export class OrderRequest {
  account: Account = null!;
  book: OrderBook = null!;
  direction: Direction = "buy";
  /** Lots, >= the instrument's minimum. */
  amount = 0;
  /** Ticks, > 0; ignored for a market order. */
  price = 0;
  orderType: OrderType = "limit";
  timeInForce: TimeInForce = "good_til_cancelled";
  postOnly = false;
  rejectPostOnly = false;
  reduceOnly = false;
  label = "";
  timestamp = 0;
}
