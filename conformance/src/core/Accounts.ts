/** One trading account's API key. */
export interface AccountCredentials {
  /** The `client_id` for `public/auth`. */
  id: string;
  secret: string;
}

/** The two accounts the trading scenarios need. */
export interface Accounts {
  maker: AccountCredentials;
  taker: AccountCredentials;
}

/** Which account a step acts as. */
export type Role = keyof Accounts;
