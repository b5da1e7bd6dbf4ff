import { nodeMessages, readArgs } from "@unwind/protocol/cli";
import type { Transport } from "../driver/Transport.js";
import { UsageError } from "./UsageError.js";

/** Where a report goes. */
export interface ReportTargets {
  json?: string;
  junit?: string;
  html?: string;
}

/** The CLI's settings after parsing (accounts still partial: env vars fill them in later). */
export interface CliOptions {
  command: "run" | "record" | "list" | "help";
  url?: string;
  wsUrl?: string;
  maker: { id?: string; secret?: string };
  taker: { id?: string; secret?: string };
  instrument: string;
  transports: Transport[];
  only: string[];
  skip: string[];
  seed?: number;
  propertyRuns: number;
  timeoutMs: number;
  /** Run the checks that wait in real time (the heartbeat: at least 10 s). */
  slow: boolean;
  /** The server's declared HTTP body limit (bytes), for http-body-too-large. */
  maxBodyBytes?: number;
  baseline?: string;
  reports: ReportTargets;
  out?: string;
}

/** The `--help` text. */
export const usage = `Usage: unwind-conformance [options]
       unwind-conformance record --out DIR [options]

Checks a server against the unwind OpenRPC spec of private/close_position, check by check.
Without --url it starts the reference server (unwind-reference --port 0 --in-memory) with its
TEST-ONLY accounts, runs everything against it and stops it.

Target:
  --url URL              the server's HTTP base URL (JSON-RPC at POST URL/api/v2)
  --ws-url URL           its WebSocket endpoint (default: URL with ws:// and /ws/api/v2)
  --maker-id ID          the maker account's client_id      (env UNWIND_MAKER_ID)
  --maker-secret SECRET  its client_secret                  (env UNWIND_MAKER_SECRET)
  --taker-id ID          the taker account's client_id      (env UNWIND_TAKER_ID)
  --taker-secret SECRET  its client_secret                  (env UNWIND_TAKER_SECRET)
  --instrument NAME      the instrument to trade (default BTC-PERPETUAL)
  --max-body-bytes N     the server's HTTP body limit: N + 1 bytes must get 413, N must not
                         (default: unchecked; the reference's 1048576 when the suite starts it)

Selection:
  --transport T          http, ws or both (default both)
  --only IDS             only these scenarios or checks (comma-separated, repeatable)
  --skip IDS             leave out these scenarios or checks
  --seed N               seed of the property-based runs (default: random, printed)
  --property-runs N      generated requests per property and method (default 20)
  --timeout MS           per-request timeout (default 10000)
  --slow                 also run the checks that wait in real time (heartbeat: ~10 s)

Results:
  --baseline FILE        expected failures, one check or scenario id a line; a listed check
                         that passes now also fails the run (remove the line)
  --report SPEC          json=PATH,junit=PATH,html=PATH (any of them; repeatable)
  --list                 print every check with its spec reference, and exit
  -h, --help             this text

record:
  --out DIR              write fixtures/<method>/<case>.io recorded from the server

Exit codes: 0 every check passed (or failed as the baseline expects), 1 a check failed or a
baseline entry is stale, 2 usage error or server unreachable.
`;

function positiveInt(
  flag: string,
  raw: string | undefined,
  fallback: number | undefined,
  min = 0,
): number | undefined {
  if (raw === undefined) return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`${flag} expects an integer >= ${min}, but got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function url(flag: string, raw: string | undefined, protocols: string[]): string | undefined {
  if (raw === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(
      `${flag} expects a URL like ${protocols[0]}//127.0.0.1:8080, but got ${JSON.stringify(raw)}`,
    );
  }
  if (!protocols.includes(u.protocol)) {
    throw new UsageError(
      `${flag} expects a ${protocols.join(" or ")} URL, but got ${JSON.stringify(raw)}`,
    );
  }
  return raw;
}

/**
 * Parses `unwind-conformance` arguments; throws a {@link UsageError} with what was wrong.
 *
 * @example
 * parseCliArgs(["--url", "http://127.0.0.1:8080", "--transport", "http"]).transports; // ["http"]
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const command = argv[0] === "record" ? "record" : "run";
  const args = command === "record" ? argv.slice(1) : [...argv];
  const string = { type: "string" } as const;
  const read = readArgs(args, {
    options: {
      url: string,
      "ws-url": string,
      "maker-id": string,
      "maker-secret": string,
      "taker-id": string,
      "taker-secret": string,
      instrument: string,
      transport: string,
      only: { type: "string", multiple: true },
      skip: { type: "string", multiple: true },
      seed: string,
      "property-runs": string,
      timeout: string,
      "max-body-bytes": string,
      baseline: string,
      report: { type: "string", multiple: true },
      out: string,
      list: { type: "boolean" },
      slow: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    allowEmpty: true,
    messages: nodeMessages,
  });
  if (!read.ok) throw new UsageError(read.message.split("\n")[0]!);
  const parsed = read;
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const s = (k: string) => v[k] as string | undefined;
  const list = (k: string) =>
    ((v[k] as string[] | undefined) ?? [])
      .flatMap((x) => x.split(","))
      .map((x) => x.trim())
      .filter(Boolean);
  const transport = s("transport") ?? "both";
  if (!["http", "ws", "both"].includes(transport)) {
    throw new UsageError(
      `--transport expects http, ws or both, but got ${JSON.stringify(transport)}`,
    );
  }
  const reports: ReportTargets = {};
  for (const part of list("report")) {
    const m = /^(json|junit|html)=(.+)$/.exec(part);
    if (m === null)
      throw new UsageError(
        `--report expects json=PATH, junit=PATH or html=PATH, but got ${JSON.stringify(part)}`,
      );
    reports[m[1] as keyof ReportTargets] = m[2]!;
  }
  const options: CliOptions = {
    command: v["help"] ? "help" : v["list"] ? "list" : command === "record" ? "record" : "run",
    maker: {},
    taker: {},
    instrument: s("instrument") ?? "BTC-PERPETUAL",
    transports: transport === "both" ? ["http", "ws"] : [transport as Transport],
    only: list("only"),
    skip: list("skip"),
    propertyRuns: positiveInt("--property-runs", s("property-runs"), 20, 1)!,
    timeoutMs: positiveInt("--timeout", s("timeout"), 10_000, 1)!,
    slow: v["slow"] === true,
    reports,
  };
  const assign = (target: { id?: string; secret?: string }, id?: string, secret?: string) => {
    if (id !== undefined) target.id = id;
    if (secret !== undefined) target.secret = secret;
  };
  assign(options.maker, s("maker-id"), s("maker-secret"));
  assign(options.taker, s("taker-id"), s("taker-secret"));
  const u = url("--url", s("url"), ["http:", "https:"]);
  if (u !== undefined) options.url = u;
  const w = url("--ws-url", s("ws-url"), ["ws:", "wss:"]);
  if (w !== undefined) options.wsUrl = w;
  if (w !== undefined && u === undefined) throw new UsageError("--ws-url needs --url");
  const maxBodyBytes = positiveInt("--max-body-bytes", s("max-body-bytes"), undefined, 64);
  if (maxBodyBytes !== undefined) options.maxBodyBytes = maxBodyBytes;
  const seed = positiveInt("--seed", s("seed"), undefined);
  if (seed !== undefined) options.seed = seed;
  if (s("baseline") !== undefined) options.baseline = s("baseline")!;
  if (s("out") !== undefined) options.out = s("out")!;
  if (options.command === "record" && options.out === undefined)
    throw new UsageError("record needs --out DIR");
  if (options.command !== "record" && options.out !== undefined)
    throw new UsageError(
      "--out belongs to the record command: unwind-conformance record --out DIR",
    );
  if (s("instrument") === "") throw new UsageError("--instrument expects an instrument name");
  return options;
}
