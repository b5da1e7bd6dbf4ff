import { expect, test } from "vitest";
import { loadAccountsFile } from "./loadAccountsFile.js";
import { parseAccounts } from "./parseAccounts.js";

test("the default file has at least three accounts, each with a key", () => {
  const { accounts, keys } = loadAccountsFile();
  expect(accounts.length).toBeGreaterThanOrEqual(3);
  expect(accounts.map((a) => [a.id, a.username])).toEqual([
    [101, "alice"],
    [102, "bob"],
    [103, "carol"],
    [104, "dave"],
  ]);
  for (const a of accounts) expect(keys.some((k) => k.accountId === a.id)).toBe(true);
  expect(keys.find((k) => k.clientId === "alice-readonly")?.maxScope).toBe("trade:read");
});

test.each([
  [[], ['expected an object {"accounts": [...]}, but got an array']],
  [{ accounts: [] }, ["accounts: expected at least one account, but got none"]],
  [
    {
      accounts: [
        {
          id: 1,
          username: "a",
          balances: { BTC: 1 },
          api_keys: [{ client_id: "k 1", client_secret: "short" }],
        },
        {
          id: 1,
          username: "b",
          balances: {},
          colour: "red",
          api_keys: [{ client_id: "k", client_secret: "long enough", max_scope: "all" }],
        },
      ],
    },
    [
      'accounts[0].balances: expected an object of decimal strings like {"BTC": "10"}, but got an object',
      'accounts[0].api_keys[0].client_id: expected a non-empty string without spaces, commas or "=", but got "k 1"',
      'accounts[0].api_keys[0].client_secret: expected a string of at least 8 characters, but got "short"',
      "accounts[1].colour: unknown field. Expected one of id, username, balances, creation_timestamp, api_keys",
      "accounts[1].id: 1 is used twice",
      'accounts[1].api_keys[0].max_scope: expected one of trade:read, trade:read_write, but got "all"',
    ],
  ],
])("%j is refused", (json, errors) => {
  expect(parseAccounts(json)).toEqual({ ok: false, errors });
});
