import type { Driver } from "../driver/Driver.js";
import { type Exchange, resultOf, wireError } from "../driver/Exchange.js";
import type { AccountCredentials } from "./Accounts.js";
import { ScenarioError } from "./ScenarioError.js";

/** Tokens from a successful `public/auth`. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  exchange: Exchange;
}

/**
 * `public/auth` with `client_credentials` over a driver; throws a {@link ScenarioError} when
 * the server does not issue tokens.
 */
export async function authenticate(driver: Driver, account: AccountCredentials): Promise<Tokens> {
  const exchange = await driver.call("public/auth", {
    grant_type: "client_credentials",
    client_id: account.id,
    client_secret: account.secret,
  });
  const result = resultOf<{ access_token?: unknown; refresh_token?: unknown }>(exchange);
  if (wireError(exchange) !== undefined || typeof result?.access_token !== "string") {
    throw new ScenarioError(`could not log in as ${account.id} with client_credentials`, exchange);
  }
  return {
    accessToken: result.access_token,
    refreshToken: typeof result.refresh_token === "string" ? result.refresh_token : "",
    exchange,
  };
}
