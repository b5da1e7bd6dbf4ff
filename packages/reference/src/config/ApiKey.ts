/** One API key of an account: what `public/auth`, Basic and deri-hmac-sha256 authenticate with. */
export interface ApiKey {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly accountId: number;
  /** The widest scope a token of this key may hold (`trade:read_write` unless the file narrows it). */
  readonly maxScope: "trade:read" | "trade:read_write";
}
