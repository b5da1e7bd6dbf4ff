import { Account, type AccountConfig } from "./Account.js";
import { type Decimal, parseDecimal } from "./decimal.js";

/** All accounts by id, created from a list of configs. */
export class Accounts {
  private readonly byId = new Map<number, Account>();
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
  }

  /** The account with this id, if any. */
  get(id: number): Account | undefined {
    return this.byId.get(id);
  }

  /** All accounts in id order. */
  list(): readonly Account[] {
    return this.sorted;
  }
}
