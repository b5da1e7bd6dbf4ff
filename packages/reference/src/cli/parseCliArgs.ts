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
  -h, --help             this text

Exit codes: 0 after SIGINT/SIGTERM, 1 failure, 2 usage error, 3 data dir cannot be recovered.
`;

const VALUED = [
  "--host",
  "--port",
  "--data-dir",
  "--accounts",
  "--instruments",
  "--snapshot-every",
  "--token-ttl",
  "--max-requests-per-second",
  "--max-tokens-per-key",
  "--max-connections",
  "--max-connections-per-address",
  "--ws-idle-timeout",
  "--http-body-timeout",
];

function integer(flag: string, raw: string, min: number, max: number): number | string {
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || n < min || n > max) {
    return `${flag} expects an integer from ${min} to ${max}, but got ${JSON.stringify(raw)}`;
  }
  return n;
}

/** Parses `unwind-reference` arguments (`--flag value` or `--flag=value`). */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { host: "127.0.0.1", port: 8080 };
  let inMemory = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    // `pnpm reference -- --port 0` may pass the separator through.
    if (arg === "--") continue;
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--in-memory") {
      inMemory = true;
      continue;
    }
    let value: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (!VALUED.includes(arg)) {
      return {
        kind: "error",
        message: `unknown option ${JSON.stringify(arg)}. Expected one of ${[...VALUED, "--in-memory", "--help"].join(", ")}`,
      };
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) {
        return {
          kind: "error",
          message: `${arg} expects a value, but got ${value === undefined ? "nothing" : JSON.stringify(value)}`,
        };
      }
    }
    if (value === "") return { kind: "error", message: `${arg} expects a value, but got ""` };
    let n: number | string;
    switch (arg) {
      case "--host":
        options.host = value;
        break;
      case "--port":
        n = integer(arg, value, 0, 65535);
        if (typeof n === "string") return { kind: "error", message: n };
        options.port = n;
        break;
      case "--data-dir":
        options.dataDir = value;
        break;
      case "--accounts":
        options.accounts = value;
        break;
      case "--instruments":
        options.instruments = value;
        break;
      case "--snapshot-every":
        n = integer(arg, value, 0, Number.MAX_SAFE_INTEGER);
        if (typeof n === "string") return { kind: "error", message: n };
        options.snapshotEvery = n;
        break;
      case "--token-ttl":
        n = integer(arg, value, 1, 31_536_000);
        if (typeof n === "string") return { kind: "error", message: n };
        options.accessTtlSeconds = n;
        break;
      case "--max-requests-per-second":
        n = integer(arg, value, 1, 1_000_000_000);
        if (typeof n === "string") return { kind: "error", message: n };
        options.maxRequestsPerSecond = n;
        break;
      case "--max-tokens-per-key":
        n = integer(arg, value, 1, 1_000_000);
        if (typeof n === "string") return { kind: "error", message: n };
        options.maxTokensPerKey = n;
        break;
      case "--max-connections":
      case "--max-connections-per-address":
        n = integer(arg, value, 1, 1_000_000);
        if (typeof n === "string") return { kind: "error", message: n };
        if (arg === "--max-connections") options.maxConnections = n;
        else options.maxConnectionsPerAddress = n;
        break;
      case "--ws-idle-timeout":
      case "--http-body-timeout":
        n = integer(arg, value, 1, 86_400);
        if (typeof n === "string") return { kind: "error", message: n };
        if (arg === "--ws-idle-timeout") options.wsIdleTimeoutSeconds = n;
        else options.httpBodyTimeoutSeconds = n;
        break;
    }
  }
  if (inMemory && options.dataDir !== undefined) {
    return {
      kind: "error",
      message: "--data-dir and --in-memory exclude each other. Expected one of them, but got both",
    };
  }
  return { kind: "run", options };
}
