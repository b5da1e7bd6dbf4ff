import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** A bench key: `bench-<id>` / `bench-secret-<id>`. */
export interface BenchKey {
  id: string;
  secret: string;
  account: number;
}

/** Writes an accounts file with `n` accounts (ids 1..n) into `dir`; returns its path and keys. */
export function writeBenchAccounts(dir: string, n: number): { path: string; keys: BenchKey[] } {
  const keys: BenchKey[] = [];
  const accounts = Array.from({ length: n }, (_, i) => {
    const key = { id: `bench-${i + 1}`, secret: `bench-secret-${i + 1}`, account: i + 1 };
    keys.push(key);
    return {
      id: i + 1,
      username: `bench${i + 1}`,
      balances: { BTC: "10", ETH: "100" },
      api_keys: [{ client_id: key.id, client_secret: key.secret }],
    };
  });
  const path = join(dir, "bench-accounts.json");
  writeFileSync(path, JSON.stringify({ accounts }));
  return { path, keys };
}
