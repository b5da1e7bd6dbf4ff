import type { Accounts, Role } from "../core/Accounts.js";
import type { Target } from "../core/Target.js";
import { createHttpDriver } from "../driver/createHttpDriver.js";
import { createWsDriver } from "../driver/createWsDriver.js";
import type { Driver } from "../driver/Driver.js";
import { wireError } from "../driver/Exchange.js";
import type { Transport } from "../driver/Transport.js";
import { UsageError } from "./UsageError.js";

/**
 * The codes with which a server refuses the credentials themselves: the spec's 13009
 * unauthorized, and Deribit's 13004 invalid_credentials, which a Deribit testnet answers.
 */
const REFUSED = new Set([13009, 13004]);

const FLAGS: Record<Role, string> = {
  maker: "--maker-id/--maker-secret (UNWIND_MAKER_ID/UNWIND_MAKER_SECRET)",
  taker: "--taker-id/--taker-secret (UNWIND_TAKER_ID/UNWIND_TAKER_SECRET)",
};

/**
 * Logs both accounts in once before any scenario runs and throws one {@link UsageError} (exit 2)
 * naming every account whose credentials the server refuses, instead of letting each scenario
 * fail on them. Other answers (a server whose public/auth is broken) are left to the checks.
 */
export async function checkAccounts(
  target: Target,
  accounts: Accounts,
  transports: readonly Transport[],
  timeoutMs: number,
): Promise<void> {
  const driver: Driver = transports.includes("http")
    ? createHttpDriver({ baseUrl: target.httpUrl, timeoutMs })
    : await createWsDriver({ url: target.wsUrl, timeoutMs });
  const problems: string[] = [];
  try {
    for (const role of ["maker", "taker"] as const) {
      const { id, secret } = accounts[role];
      const exchange = await driver.call("public/auth", {
        grant_type: "client_credentials",
        client_id: id,
        client_secret: secret,
      });
      const error = wireError(exchange);
      if (error !== undefined && typeof error.code === "number" && REFUSED.has(error.code)) {
        problems.push(
          `the server refused the ${role}'s credentials (client_id ${JSON.stringify(id)}): public/auth answered ${error.code} ${String(error.message)}; check ${FLAGS[role]}`,
        );
      }
    }
  } finally {
    await driver.close();
  }
  if (problems.length > 0) {
    throw new UsageError(`${problems.join("; ")}. No scenario was run.`);
  }
}
