import { readFileSync } from "node:fs";
import { Engine, type InstrumentConfig } from "@unwind/engine";
import { createServer, type ErrorHook, type ServerLimits } from "@unwind/server";
import type { LoginThrottleOptions } from "./auth/LoginThrottle.js";
import { ReferenceAuth } from "./auth/ReferenceAuth.js";
import { checkCurrencies } from "./config/checkCurrencies.js";
import { loadAccountsFile } from "./config/loadAccountsFile.js";
import { loadInstrumentsFile } from "./config/loadInstrumentsFile.js";
import type { AccountsFile } from "./config/parseAccounts.js";
import { createHandlers } from "./handlers/createHandlers.js";
import { checkTable, type ReferenceHandlers } from "./handlers/ReferenceHandlers.js";
import type { Journal } from "./journal/Journal.js";
import { MemoryJournal } from "./journal/MemoryJournal.js";
import { openDataDir } from "./journal/openDataDir.js";
import { KindCurrencyChannels } from "./KindCurrencyChannels.js";
import { ChannelFeed } from "./subscriptions/ChannelFeed.js";
import { referenceChannels } from "./subscriptions/referenceChannels.js";

/** Options of {@link startReferenceServer}; every one has a default. */
export interface ReferenceServerOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: a free port (read it from the result). */
  readonly port?: number;
  /** Journal and snapshots in this directory, recovered on start; absent: in memory. */
  readonly dataDir?: string;
  /** Accounts and API keys: a file path or the parsed content (default: the TEST-ONLY `accounts.default.json`). */
  readonly accounts?: string | AccountsFile;
  /** Instruments: a JSON file path or the configs (default: the engine's reference instruments). */
  readonly instruments?: string | readonly InstrumentConfig[];
  /** With `dataDir`: a snapshot every this many commands (default 10,000; 0 never). */
  readonly snapshotEvery?: number;
  /** Access token lifetime in seconds (default 900). */
  readonly accessTtlSeconds?: number;
  /** Refresh token lifetime in seconds (default 86,400). */
  readonly refreshTtlSeconds?: number;
  /** Live token pairs per API key (default 32); the next `public/auth` revokes the oldest. */
  readonly maxTokensPerKey?: number;
  /** Failed-login throttling per client id and per address (default: on, see `LoginThrottle`); false: off. */
  readonly loginThrottle?: LoginThrottleOptions | false;
  /** The first order id (default "1"). */
  readonly orderIdStart?: string;
  /** The clock in milliseconds since the epoch (default `Date.now`); tests move it. */
  readonly now?: () => number;
  /** Without `dataDir`: the journal to use (default: a `MemoryJournal` that keeps nothing). */
  readonly journal?: Journal;
  /**
   * Wraps or replaces handlers by method name, e.g. to build a server with one defect: it gets the
   * table the server serves and returns the one to serve. A handler's answer is its result, the
   * result's JSON text (`RawJson`: buy, sell and close_position) or a rejection (an `RpcError`
   * returned as a value).
   */
  readonly wrapHandlers?: (handlers: ReferenceHandlers, context: WrapContext) => ReferenceHandlers;
  readonly limits?: Partial<ServerLimits>;
  readonly testnet?: boolean;
  /** Recovery findings and warnings (default: stderr). */
  readonly log?: (line: string) => void;
  /** Handler exceptions answered as -32603 (default: `console.error`). */
  readonly onError?: ErrorHook;
  /** The journal could not write: nothing more can be acknowledged (default: logs it). */
  readonly onJournalFailure?: (error: unknown) => void;
}

/** What `wrapHandlers` may use besides the handlers. */
export interface WrapContext {
  readonly engine: Engine;
  readonly auth: ReferenceAuth;
}

/** A running reference server. */
export interface ReferenceServer {
  /** The HTTP base URL, e.g. `http://127.0.0.1:8080` (JSON-RPC at `/api/v2`). */
  readonly url: string;
  /** The WebSocket URL, e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  readonly wsUrl: string;
  /** `POST` JSON-RPC endpoint: `url + "/api/v2"`. */
  readonly rpcUrl: string;
  readonly host: string;
  readonly port: number;
  /** The live engine (state hash, snapshots, direct reads in tests). */
  readonly engine: Engine;
  readonly auth: ReferenceAuth;
  readonly journal: Journal;
  /**
   * Stops accepting, answers what is in flight (including requests a WebSocket's back-pressure
   * held back), flushes and closes the journal. Requests left unanswered after the grace period
   * are counted in a `log` line.
   */
  close(): Promise<void>;
}

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/**
 * Starts the reference server: the engine behind every transport of the contract, with the
 * contract's authentication, in memory or journaled to a data dir.
 *
 * @example
 * const server = await startReferenceServer({ port: 0 });
 * console.log(server.url, server.wsUrl);
 * await server.close();
 */
export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> {
  const log =
    options.log ?? ((line: string) => process.stderr.write(`unwind-reference: ${line}\n`));
  const now = options.now ?? Date.now;
  const accounts =
    typeof options.accounts === "object" ? options.accounts : loadAccountsFile(options.accounts);
  const instruments =
    typeof options.instruments === "string"
      ? loadInstrumentsFile(options.instruments)
      : options.instruments;
  const currencyProblems = instruments === undefined ? [] : checkCurrencies(instruments);
  if (currencyProblems.length > 0) {
    throw new Error(`could not use the instruments:\n  ${currencyProblems.join("\n  ")}`);
  }
  const onJournalFailure =
    options.onJournalFailure ??
    ((error: unknown) => log(`journal failure: ${(error as Error).message}`));
  let engine: Engine;
  let journal: Journal;
  if (options.dataDir !== undefined) {
    const opened = await openDataDir({
      dir: options.dataDir,
      accounts: accounts.accounts,
      ...(instruments === undefined ? {} : { instruments }),
      ...(options.orderIdStart === undefined ? {} : { orderIdStart: options.orderIdStart }),
      ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
      log,
      onFailure: onJournalFailure,
    });
    engine = opened.engine;
    journal = opened.journal;
  } else {
    journal = options.journal ?? new MemoryJournal();
    engine = new Engine({
      accounts: accounts.accounts,
      ...(instruments === undefined ? {} : { instruments }),
      ...(options.orderIdStart === undefined ? {} : { orderIdStart: options.orderIdStart }),
      events: false,
      journal,
    });
  }
  const keys = accounts.keys.filter((k) => {
    if (engine.accounts.get(k.accountId) !== undefined) return true;
    log(
      `API key ${k.clientId} belongs to account ${k.accountId}, which the engine does not have: ignored`,
    );
    return false;
  });
  const auth = new ReferenceAuth({
    keys,
    now,
    ...(options.accessTtlSeconds === undefined
      ? {}
      : { accessTtlSeconds: options.accessTtlSeconds }),
    ...(options.refreshTtlSeconds === undefined
      ? {}
      : { refreshTtlSeconds: options.refreshTtlSeconds }),
    ...(options.maxTokensPerKey === undefined ? {} : { maxTokensPerKey: options.maxTokensPerKey }),
    ...(options.loginThrottle === undefined ? {} : { loginThrottle: options.loginThrottle }),
  });
  const feed = new ChannelFeed(engine);
  const table = createHandlers({ engine, auth, journal, now, version: VERSION, feed });
  const handlers: ReferenceHandlers = options.wrapHandlers?.(table, { engine, auth }) ?? table;
  checkTable(handlers);
  let server: Awaited<ReturnType<typeof createServer>>;
  const hooks = referenceChannels({
    engine,
    journal,
    feed,
    now,
    hub: () => server.channels,
    onError: onJournalFailure,
  });
  const kindCurrency = new KindCurrencyChannels(engine);
  try {
    server = await createServer({
      handlers,
      auth,
      now,
      channels: {
        ...hooks,
        accept: (channel, context) =>
          kindCurrency.matches(channel)
            ? kindCurrency.problem(channel)
            : hooks.accept?.(channel, context),
      },
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.testnet === undefined ? {} : { testnet: options.testnet }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.onError === undefined ? {} : { onError: options.onError }),
    });
  } catch (error) {
    await journal.close();
    throw error;
  }
  feed.attach(kindCurrency.sink(server.channels));
  const base = server.url.slice(0, -"/api/v2".length);
  let closing: Promise<void> | undefined;
  return {
    url: base,
    wsUrl: server.wsUrl,
    rpcUrl: server.url,
    host: server.host,
    port: server.port,
    engine,
    auth,
    journal,
    close() {
      closing ??= server
        .close()
        .then(({ unanswered }) => {
          if (unanswered > 0) {
            log(
              `shutdown: ${unanswered} request(s) left unanswered (a WebSocket peer did not read its answers within the grace period, or sent after the shutdown began)`,
            );
          }
        })
        .finally(() => journal.close());
      return closing;
    },
  };
}
