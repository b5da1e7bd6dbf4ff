import { type Decimal, parseDecimal } from "@unwind/protocol";
import { Account, type AccountConfig } from "./Account.js";

/** Ids below this are also kept in an array. */
const DIRECT = 4096;

/** All accounts by id, created from a list of configs. */
export class Accounts {
  private readonly byId = new Map<number, Account>();
  /** The accounts with small ids by id (an array index instead of a hash lookup). */
  private readonly direct: (Account | undefined)[] = [];
  private readonly sorted: readonly Account[];

  constructor(configs: readonly AccountConfig[]) {
    for (const c of configs) {
      if (!Number.isSafeInteger(c.id) || c.id < 0) {
        throw new Error(
          `could not create account ${JSON.stringify(c.id)}. Expected a non-negative integer id`,
        );
      }
      if (this.byId.has(c.id))
        throw new Error(`could not create account ${c.id}: the id is used twice`);
      const balances = new Map<string, Decimal>();
      for (const [currency, v] of Object.entries(c.balances ?? {})) {
        const d = parseDecimal(v);
        if (!d.ok)
          throw new Error(`could not read balance ${currency} of account ${c.id}: ${d.reason}`);
        balances.set(currency, d.value);
      }
      this.byId.set(c.id, new Account(c, balances));
    }
    this.sorted = [...this.byId.values()].sort((a, b) => a.id - b.id);
    for (const a of this.sorted) {
      if (a.id >= DIRECT) break;
      while (this.direct.length < a.id) this.direct.push(undefined);
      this.direct.push(a);
    }
  }

  /** The account with this id, if any. */
  get(id: number): Account | undefined {
    if (id >= 0 && id < this.direct.length) return this.direct[id];
    return this.byId.get(id);
  }

  /** All accounts in id order. */
  list(): readonly Account[] {
    return this.sorted;
  }
}
