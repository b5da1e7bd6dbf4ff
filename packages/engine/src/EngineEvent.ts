import type { CancelReason, Direction } from "./OrderVocabulary.js";
import type { Trade } from "./Trade.js";

/** What happened while applying a command, in order: the engine's event log. */
export type EngineEvent =
  | {
      readonly type: "order_placed";
      readonly orderId: string;
      readonly account: number;
      readonly instrument: string;
      readonly direction: Direction;
      readonly price: number;
      readonly amount: number;
      readonly replaced: boolean;
    }
  | { readonly type: "trade"; readonly trade: Trade }
  | {
      readonly type: "order_cancelled";
      readonly orderId: string;
      readonly account: number;
      readonly reason: CancelReason;
      /** Lots that were still open. */
      readonly open: number;
    }
  | {
      readonly type: "order_reduced";
      readonly orderId: string;
      readonly account: number;
      /** The new order size in lots. */
      readonly amount: number;
    }
  | {
      readonly type: "position_changed";
      readonly account: number;
      readonly instrument: string;
      /** Signed size in lots. */
      readonly size: number;
    };
