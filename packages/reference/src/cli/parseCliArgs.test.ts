import { expect, test } from "vitest";
import { parseCliArgs } from "./parseCliArgs.js";

test.each([
  [[], { kind: "run", options: { host: "127.0.0.1", port: 8080 } }],
  [
    ["--", "--host", "0.0.0.0", "--port=0", "--data-dir", "/d", "--accounts", "a.json"],
    { kind: "run", options: { host: "0.0.0.0", port: 0, dataDir: "/d", accounts: "a.json" } },
  ],
  [
    ["--in-memory", "--instruments", "i.json", "--snapshot-every", "0", "--token-ttl", "60"],
    {
      kind: "run",
      options: {
        host: "127.0.0.1",
        port: 8080,
        instruments: "i.json",
        snapshotEvery: 0,
        accessTtlSeconds: 60,
      },
    },
  ],
  [
    ["--max-requests-per-second=20"],
    { kind: "run", options: { host: "127.0.0.1", port: 8080, maxRequestsPerSecond: 20 } },
  ],
  [
    ["--max-requests-per-second", "0.5"],
    {
      kind: "error",
      message: '--max-requests-per-second expects an integer from 1 to 1000000000, but got "0.5"',
    },
  ],
  [
    ["--max-tokens-per-key", "4"],
    { kind: "run", options: { host: "127.0.0.1", port: 8080, maxTokensPerKey: 4 } },
  ],
  [
    ["--max-tokens-per-key", "0"],
    {
      kind: "error",
      message: '--max-tokens-per-key expects an integer from 1 to 1000000, but got "0"',
    },
  ],
  [
    [
      "--max-connections=100",
      "--max-connections-per-address",
      "10",
      "--ws-idle-timeout",
      "5",
      "--http-body-timeout=2",
      "--notification-linger-ms",
      "5",
      "--notification-max-held-bytes=262144",
      "--ws-max-backlog=100000",
    ],
    {
      kind: "run",
      options: {
        host: "127.0.0.1",
        port: 8080,
        maxConnections: 100,
        maxConnectionsPerAddress: 10,
        wsIdleTimeoutSeconds: 5,
        httpBodyTimeoutSeconds: 2,
        notificationLingerMs: 5,
        notificationMaxHeldBytes: 262_144,
        wsMaxBacklogBytes: 100_000,
      },
    },
  ],
  [
    ["--max-connections-per-address", "0"],
    {
      kind: "error",
      message: '--max-connections-per-address expects an integer from 1 to 1000000, but got "0"',
    },
  ],
  [
    ["--notification-max-held-bytes", "512"],
    {
      kind: "error",
      message:
        '--notification-max-held-bytes expects an integer from 1024 to 16777216, but got "512"',
    },
  ],
  [["-h"], { kind: "help" }],
  [
    ["--port", "70000"],
    { kind: "error", message: '--port expects an integer from 0 to 65535, but got "70000"' },
  ],
  [["--port", "--host"], { kind: "error", message: '--port expects a value, but got "--host"' }],
  [["--host="], { kind: "error", message: '--host expects a value, but got ""' }],
  [
    ["--token-ttl", "0"],
    { kind: "error", message: '--token-ttl expects an integer from 1 to 31536000, but got "0"' },
  ],
  [
    ["port"],
    {
      kind: "error",
      message:
        'unknown option "port". Expected one of --host, --port, --data-dir, --accounts, --instruments, --snapshot-every, --token-ttl, --max-requests-per-second, --max-tokens-per-key, --max-connections, --max-connections-per-address, --ws-idle-timeout, --http-body-timeout, --notification-linger-ms, --notification-max-held-bytes, --ws-max-backlog, --in-memory, --help',
    },
  ],
])("%j", (argv, want) => {
  expect(parseCliArgs(argv)).toEqual(want);
});
