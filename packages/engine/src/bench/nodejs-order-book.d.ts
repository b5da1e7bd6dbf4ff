// nodejs-order-book 10.1.1 points its "types" at a missing file; the bench declares what it uses.
declare module "nodejs-order-book" {
  export class OrderBook {
    limit(options: {
      id: string;
      side: "buy" | "sell";
      size: number;
      price: number;
      timeInForce?: "GTC" | "IOC" | "FOK";
      accountId?: string;
      stpMode?: string;
    }): unknown;
    market(options: {
      side: "buy" | "sell";
      size: number;
      accountId?: string;
      stpMode?: string;
    }): unknown;
    cancel(id: string): unknown;
  }
}
