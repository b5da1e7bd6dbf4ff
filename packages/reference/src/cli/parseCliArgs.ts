import { type ArgContext, type ArgMessages, readArgs } from "@unwind/protocol/cli";

/** The CLI's settings. */
export interface CliOptions {
  host: string;
  port: number;
  dataDir?: string;
  accounts?: string;
  instruments?: string;
  snapshotEvery?: number;
  accessTtlSeconds?: number;
  maxRequestsPerSecond?: number;
  maxTokensPerKey?: number;
  maxConnections?: number;
  maxConnectionsPerAddress?: number;
  wsIdleTimeoutSeconds?: number;
  httpBodyTimeoutSeconds?: number;
  notificationLingerMs?: number;
  notificationMaxHeldBytes?: number;
  wsMaxBacklogBytes?: number;
}

export type ParsedArgs =
  | { kind: "run"; options: CliOptions }
  | { kind: "help" }
  | { kind: "error"; message: string };

/** The `--help` text. */
export const usage = `Usage: unwind-reference [options]

The unwind reference server: the matching engine over HTTP (POST /api/v2, GET|POST
/api/v2/{method}) and WebSocket (/ws/api/v2). Prints one line when ready:
  listening http://HOST:PORT ws://HOST:PORT/ws/api/v2

Options:
  --host HOST            interface to listen on (default 127.0.0.1)
  --port PORT            port, 0 for any free one (default 8080)
  --data-dir DIR         journal and snapshots in DIR, recovered on start
  --in-memory            keep nothing on disk (the default)
  --accounts FILE        accounts and API keys (default: the TEST-ONLY accounts.default.json)
  --instruments FILE     instruments JSON (default: BTC-PERPETUAL, ETH-PERPETUAL, BTC-25DEC26)
  --snapshot-every N     with --data-dir: snapshot every N commands (default 10000, 0 never)
  --token-ttl SECONDS    access token lifetime (default 900)
  --max-tokens-per-key N live token pairs per API key; the next public/auth revokes the
                         oldest pair, access and refresh token alike (default 32)
  --max-requests-per-second N
                         per WebSocket connection and per HTTP client address, with
                         bursts of N; the excess gets 10028 too_many_requests (default: no limit)
  --max-connections N    open connections in all (default 4096, or the open-file limit - 64);
                         over it a new connection gets 503
  --max-connections-per-address N
                         open connections from one client address (default 256); over it 429
  --ws-idle-timeout SECONDS
                         close an unauthenticated WebSocket silent this long (default 30)
  --http-body-timeout SECONDS
                         time to receive an HTTP request body, else 408 (default 10)
  --notification-linger-ms MS
                         under load, hold a WebSocket's notifications up to MS ms (or 64 KiB)
                         after its last write, to send them in one write (default 0: never)
  --notification-max-held-bytes BYTES
                         with --notification-linger-ms: what a WebSocket may hold before
                         it writes at once (default 65536)
  --ws-max-backlog BYTES close a WebSocket whose unread notifications pass BYTES unsent, with
                         1008 and a reason (default 4194304)
  -h, --help             this text

Exit codes: 0 after SIGINT/SIGTERM, 1 failure, 2 usage error, 3 data dir cannot be recovered.
`;

const string = { type: "string" } as const;
const OPTIONS = {
  host: string,
  port: string,
  "data-dir": string,
  accounts: string,
  instruments: string,
  "snapshot-every": string,
  "token-ttl": string,
  "max-requests-per-second": string,
  "max-tokens-per-key": string,
  "max-connections": string,
  "max-connections-per-address": string,
  "ws-idle-timeout": string,
  "http-body-timeout": string,
  "notification-linger-ms": string,
  "notification-max-held-bytes": string,
  "ws-max-backlog": string,
  "in-memory": { type: "boolean" },
  help: { type: "boolean", short: "h", stops: true },
} as const;

// This CLI's wording since its first release: a stray word is an unknown option too.
const unknown = (option: string, context: ArgContext) =>
  `unknown option ${JSON.stringify(option)}. Expected one of ${context.flags.join(", ")}`;
const messages: Partial<ArgMessages> = {
  "unknown-option": (p, c) => unknown(p.option, c),
  "unexpected-argument": (p, c) => unknown(p.argument, c),
  "unexpected-value": (p, c) => unknown(p.option, c),
};

/** The integer options: their range and the setting each one fills. */
const INTEGERS = {
  port: [0, 65535, "port"],
  "snapshot-every": [0, Number.MAX_SAFE_INTEGER, "snapshotEvery"],
  "token-ttl": [1, 31_536_000, "accessTtlSeconds"],
  "max-requests-per-second": [1, 1_000_000_000, "maxRequestsPerSecond"],
  "max-tokens-per-key": [1, 1_000_000, "maxTokensPerKey"],
  "max-connections": [1, 1_000_000, "maxConnections"],
  "max-connections-per-address": [1, 1_000_000, "maxConnectionsPerAddress"],
  "ws-idle-timeout": [1, 86_400, "wsIdleTimeoutSeconds"],
  "http-body-timeout": [1, 86_400, "httpBodyTimeoutSeconds"],
  "notification-linger-ms": [0, 1_000, "notificationLingerMs"],
  "notification-max-held-bytes": [1_024, 16_777_216, "notificationMaxHeldBytes"],
  "ws-max-backlog": [65_536, 1_073_741_824, "wsMaxBacklogBytes"],
} as const satisfies Record<string, readonly [number, number, keyof CliOptions]>;

function integer(flag: string, raw: string, min: number, max: number): number | string {
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < min || n > max) {
    return `${flag} expects an integer from ${min} to ${max}, but got ${JSON.stringify(raw)}`;
  }
  return n;
}

/** Parses `unwind-reference` arguments (`--flag value` or `--flag=value`). */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  // `pnpm reference -- --port 0` may pass the separator through.
  const read = readArgs(argv, { options: OPTIONS, skipSeparator: true, messages });
  if (!read.ok) return { kind: "error", message: read.message };
  const v = read.values;
  if (v.help) return { kind: "help" };
  const options: CliOptions = { host: v.host ?? "127.0.0.1", port: 8080 };
  for (const [name, [min, max, field]] of Object.entries(INTEGERS)) {
    const raw = v[name as keyof typeof INTEGERS];
    if (raw === undefined) continue;
    const n = integer(`--${name}`, raw, min, max);
    if (typeof n === "string") return { kind: "error", message: n };
    (options as unknown as Record<string, number>)[field] = n;
  }
  if (v["data-dir"] !== undefined) options.dataDir = v["data-dir"];
  if (v.accounts !== undefined) options.accounts = v.accounts;
  if (v.instruments !== undefined) options.instruments = v.instruments;
  const inMemory = v["in-memory"] === true;
  if (inMemory && options.dataDir !== undefined) {
    return {
      kind: "error",
      message: "--data-dir and --in-memory exclude each other. Expected one of them, but got both",
    };
  }
  return { kind: "run", options };
}
