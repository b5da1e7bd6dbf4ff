import { type AccountsFile, loadAccountsFile } from "@unwind/reference";
import type { Accounts } from "../core/Accounts.js";

/**
 * The maker and taker from a reference accounts file (default: the reference's TEST-ONLY
 * `accounts.default.json`): the first key with `trade:read_write` of each of the first two
 * accounts that have one.
 */
export function referenceAccounts(file: AccountsFile = loadAccountsFile()): Accounts {
  const picked: { id: string; secret: string }[] = [];
  const used = new Set<number>();
  for (const key of file.keys) {
    if (key.maxScope !== "trade:read_write" || used.has(key.accountId)) continue;
    used.add(key.accountId);
    picked.push({ id: key.clientId, secret: key.clientSecret });
  }
  const [maker, taker] = picked;
  if (maker === undefined || taker === undefined) {
    throw new Error(
      "the reference accounts file has fewer than two accounts with a trade:read_write key",
    );
  }
  return { maker, taker };
}
