import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AccountsFile, parseAccounts } from "./parseAccounts.js";

/** The TEST-ONLY accounts shipped with the package (`accounts.default.json`). */
export const defaultAccountsPath: string = fileURLToPath(
  new URL("../../accounts.default.json", import.meta.url),
);

/** Reads and checks an accounts file; throws an Error listing every problem. */
export function loadAccountsFile(path: string = defaultAccountsPath): AccountsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`could not read accounts file ${path}: ${(error as Error).message}`);
  }
  const parsed = parseAccounts(json);
  if (!parsed.ok) {
    throw new Error(`could not load accounts file ${path}:\n  ${parsed.errors.join("\n  ")}`);
  }
  return parsed.value;
}
