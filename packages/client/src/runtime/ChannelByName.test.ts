import { expectTypeOf, test } from "vitest";
import type {
  AnyChannelTable,
  ChannelData,
  ChannelName,
  SubscribeByName,
} from "./ChannelByName.js";
import type { ChannelSubscription } from "./ChannelSubscription.js";
import type { BaseClient } from "./createBaseClient.js";
import type { AnyMethodTable } from "./RequestByName.js";

// A channel table as the generator writes one from the spec's `x-channels`.
interface Order {
  order_id: string;
  order_state: "open" | "filled" | "cancelled";
}
interface Position {
  instrument_name: string;
  size: string;
}
interface TestChannelTable {
  "user.orders.{instrument_name}.raw": {
    readonly name: `user.orders.${string}.raw`;
    readonly private: true;
    readonly data: Order;
  };
  "user.changes.{instrument_name}.raw": {
    readonly name: `user.changes.${string}.raw`;
    readonly private: true;
    readonly data: { instrument_name: string; orders: Order[]; positions: Position[] };
  };
  "book.{instrument_name}.raw": {
    readonly name: `book.${string}.raw`;
    readonly private: false;
    readonly data: { type: "snapshot" | "change"; change_id: number };
  };
}

test("types: a channel name yields the data of the pattern it matches", () => {
  expectTypeOf<ChannelName<TestChannelTable>>().toEqualTypeOf<
    `user.orders.${string}.raw` | `user.changes.${string}.raw` | `book.${string}.raw`
  >();
  expectTypeOf<
    ChannelData<TestChannelTable, "user.orders.BTC-PERPETUAL.raw">
  >().toEqualTypeOf<Order>();
  expectTypeOf<ChannelData<TestChannelTable, "book.ETH-PERPETUAL.raw">["type"]>().toEqualTypeOf<
    "snapshot" | "change"
  >();
  expectTypeOf<ChannelName<AnyChannelTable>>().toEqualTypeOf<string>();
  expectTypeOf<ChannelData<AnyChannelTable, "anything">>().toEqualTypeOf<unknown>();
});

test("types: subscribe by channel name, typed from the channel table", () => {
  const subscribe = null as unknown as BaseClient<AnyMethodTable, TestChannelTable>["subscribe"];
  expectTypeOf(subscribe).toEqualTypeOf<SubscribeByName<TestChannelTable>>();
  // built, never called: this test reads types
  const typed = () => ({
    changes: subscribe("user.changes.BTC-PERPETUAL.raw"),
    book: subscribe("book.BTC-PERPETUAL.raw", { bufferSize: 10 }),
  });
  expectTypeOf<ReturnType<typeof typed>>().toEqualTypeOf<{
    changes: ChannelSubscription<{
      instrument_name: string;
      orders: Order[];
      positions: Position[];
    }>;
    book: ChannelSubscription<{ type: "snapshot" | "change"; change_id: number }>;
  }>();
  const loop = async () => {
    for await (const change of subscribe("user.changes.BTC-PERPETUAL.raw")) {
      expectTypeOf(change.positions[0]!.size).toEqualTypeOf<string>();
    }
  };
  const wrong = () => [
    // @ts-expect-error a channel the table does not have
    subscribe("user.changez.BTC-PERPETUAL.raw"),
    // @ts-expect-error only the raw interval
    subscribe("book.BTC-PERPETUAL.100ms"),
    // @ts-expect-error an option subscribe does not have
    subscribe("book.BTC-PERPETUAL.raw", { interval: "raw" }),
  ];
  expectTypeOf(loop).toBeFunction();
  expectTypeOf(wrong).toBeFunction();
});
