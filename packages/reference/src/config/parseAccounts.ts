import type { AccountConfig } from "@unwind/engine";
import type { ApiKey } from "./ApiKey.js";

/** The accounts file's content: the engine's accounts and their API keys. */
export interface AccountsFile {
  readonly accounts: readonly AccountConfig[];
  readonly keys: readonly ApiKey[];
}

export type ParseAccountsResult =
  | { readonly ok: true; readonly value: AccountsFile }
  | { readonly ok: false; readonly errors: readonly string[] };

const SCOPES = ["trade:read", "trade:read_write"];
const ACCOUNT_KEYS = ["id", "username", "balances", "creation_timestamp", "api_keys"];
const KEY_KEYS = ["client_id", "client_secret", "max_scope"];

function describe(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : JSON.stringify(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Checks an accounts file (`{"accounts": [{id, username, balances, creation_timestamp?,
 * api_keys: [{client_id, client_secret, max_scope?}]}]}`), reporting every problem with where it
 * is, what was expected and what came.
 */
export function parseAccounts(json: unknown): ParseAccountsResult {
  const errors: string[] = [];
  if (!isObject(json) || !Array.isArray(json["accounts"])) {
    const got = isObject(json) ? `accounts: ${describe(json["accounts"])}` : describe(json);
    return {
      ok: false,
      errors: [`expected an object {"accounts": [...]}, but got ${got}`],
    };
  }
  const accounts: AccountConfig[] = [];
  const keys: ApiKey[] = [];
  const ids = new Set<number>();
  const clientIds = new Set<string>();
  json["accounts"].forEach((raw: unknown, i: number) => {
    const at = `accounts[${i}]`;
    if (!isObject(raw)) {
      errors.push(`${at}: expected an object, but got ${describe(raw)}`);
      return;
    }
    for (const k of Object.keys(raw)) {
      if (!ACCOUNT_KEYS.includes(k) && !k.startsWith("$")) {
        errors.push(`${at}.${k}: unknown field. Expected one of ${ACCOUNT_KEYS.join(", ")}`);
      }
    }
    const { id, username, balances, creation_timestamp } = raw;
    if (!Number.isSafeInteger(id) || (id as number) < 0) {
      errors.push(`${at}.id: expected a non-negative integer, but got ${describe(id)}`);
    } else if (ids.has(id as number)) errors.push(`${at}.id: ${id} is used twice`);
    else ids.add(id as number);
    if (typeof username !== "string" || username === "") {
      errors.push(`${at}.username: expected a non-empty string, but got ${describe(username)}`);
    }
    if (!isObject(balances) || Object.values(balances).some((b) => typeof b !== "string")) {
      errors.push(
        `${at}.balances: expected an object of decimal strings like {"BTC": "10"}, but got ${describe(balances)}`,
      );
    }
    if (creation_timestamp !== undefined && !Number.isSafeInteger(creation_timestamp)) {
      errors.push(
        `${at}.creation_timestamp: expected milliseconds since the epoch, but got ${describe(creation_timestamp)}`,
      );
    }
    const account: AccountConfig = {
      id: id as number,
      username: username as string,
      balances: balances as Record<string, string>,
    };
    if (creation_timestamp !== undefined) account.creation_timestamp = creation_timestamp as number;
    accounts.push(account);
    const apiKeys = raw["api_keys"] ?? [];
    if (!Array.isArray(apiKeys)) {
      errors.push(`${at}.api_keys: expected an array, but got ${describe(apiKeys)}`);
      return;
    }
    apiKeys.forEach((key: unknown, j: number) => {
      const where = `${at}.api_keys[${j}]`;
      if (!isObject(key)) {
        errors.push(`${where}: expected an object, but got ${describe(key)}`);
        return;
      }
      for (const k of Object.keys(key)) {
        if (!KEY_KEYS.includes(k)) {
          errors.push(`${where}.${k}: unknown field. Expected one of ${KEY_KEYS.join(", ")}`);
        }
      }
      const { client_id, client_secret, max_scope = "trade:read_write" } = key;
      if (typeof client_id !== "string" || client_id === "" || /[\s,=]/.test(client_id)) {
        errors.push(
          `${where}.client_id: expected a non-empty string without spaces, commas or "=", but got ${describe(client_id)}`,
        );
      } else if (clientIds.has(client_id)) {
        errors.push(`${where}.client_id: ${client_id} is used twice`);
      } else clientIds.add(client_id);
      if (typeof client_secret !== "string" || client_secret.length < 8) {
        errors.push(
          `${where}.client_secret: expected a string of at least 8 characters, but got ${describe(client_secret)}`,
        );
      }
      if (typeof max_scope !== "string" || !SCOPES.includes(max_scope)) {
        errors.push(
          `${where}.max_scope: expected one of ${SCOPES.join(", ")}, but got ${describe(max_scope)}`,
        );
      }
      keys.push({
        clientId: client_id as string,
        clientSecret: client_secret as string,
        accountId: id as number,
        maxScope: max_scope as ApiKey["maxScope"],
      });
    });
  });
  if (accounts.length === 0 && errors.length === 0) {
    errors.push("accounts: expected at least one account, but got none");
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { accounts, keys } };
}
