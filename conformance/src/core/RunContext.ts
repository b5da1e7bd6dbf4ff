import type { HttpDriver } from "../driver/createHttpDriver.js";
import type { Driver } from "../driver/Driver.js";
import type { Exchange } from "../driver/Exchange.js";
import type { Recorder } from "../driver/Recorder.js";
import type { Transport } from "../driver/Transport.js";
import type { SpecView } from "../spec/SpecView.js";
import type { AccountCredentials, Accounts, Role } from "./Accounts.js";
import type { Target } from "./Target.js";

/** An account logged in over the run's transport: its calls carry its credentials. */
export interface AccountSession {
  role: Role;
  credentials: AccountCredentials;
  accessToken: string;
  refreshToken: string;
  /** A call as this account (HTTP: `Authorization: Bearer`; WebSocket: an authenticated connection). */
  call(method: string, params?: unknown): Promise<Exchange>;
}

/** The instrument the trading scenarios use, as the server lists it. */
export interface Market {
  instrument: string;
  tickSize: string;
  contractSize: string;
  minTradeAmount: string;
  /** The smallest valid order amount: the minimum, rounded up to a contract multiple. */
  lot: string;
  /** A price far from nothing in particular, on the tick grid, where scenarios trade. */
  basePrice: string;
}

/** Everything a scenario may use. One context per transport. */
export interface RunContext {
  readonly transport: Transport;
  readonly target: Target;
  readonly accounts: Accounts;
  readonly instrument: string;
  /** Seed of the property-based runs. */
  readonly seed: number;
  /** How many generated requests each property sends. */
  readonly propertyRuns: number;
  readonly timeoutMs: number;
  /** Whether checks that wait in real time (a 10 s heartbeat) run; else they are skipped. */
  readonly slow: boolean;
  readonly spec: SpecView;
  readonly recorder: Recorder;
  /** The shared anonymous driver of this transport. */
  driver(): Promise<Driver>;
  /** A fresh driver (over WebSocket: a new connection), closed with the context. */
  openDriver(): Promise<Driver>;
  /** An HTTP driver whatever the transport (for header-level auth and the per-method form). */
  http(): HttpDriver;
  /** The account logged in with `client_credentials` over this transport (cached). */
  session(role: Role): Promise<AccountSession>;
  /** The instrument's tick, contract size and minimum (cached). */
  market(): Promise<Market>;
  close(): Promise<void>;
}
