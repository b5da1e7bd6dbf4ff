import { createDispatcher } from "../runtime/createDispatcher.js";
import type { Session } from "../runtime/Session.js";
import { auth, handlers, methods, validators } from "./benchApi.bench.js";

/** Nanoseconds per call of `fn`, after a warm-up, over `count` calls. */
function nsPerCall(fn: (i: number) => unknown, count: number): number {
  for (let i = 0; i < count / 4; i++) fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / count;
}

export interface OverheadRow {
  readonly name: string;
  readonly nsPerCall: number;
}

/**
 * The dispatcher in-process, without a socket: a JSON-RPC text in, the response text out, for the
 * trivial public method and for a private one (auth hook, scope, validation), next to what only
 * parsing and re-serialising the request costs.
 */
export function dispatcherOverhead(count: number): OverheadRow[] {
  const dispatcher = createDispatcher({ methods, validators, handlers, auth });
  const session: Session = {
    transport: "ws",
    principal: undefined,
    credentials: () => undefined,
    inFlight: 0,
    maxInFlight: 64,
    signal: new AbortController().signal,
    authenticateConnection() {},
  };
  const ids = Array.from({ length: 1024 }, (_, i) => 1_000_000 + i);
  const test = ids.map((id) => `{"jsonrpc":"2.0","id":${id},"method":"public/test","params":{}}`);
  const position = ids.map(
    (id) =>
      `{"jsonrpc":"2.0","id":${id},"method":"private/get_position","params":{"instrument_name":"BTC-PERPETUAL","access_token":"bench-token"}}`,
  );
  let sink = 0;
  const rows = [
    {
      name: "JSON.parse + JSON.stringify of the request (floor)",
      nsPerCall: nsPerCall((i) => {
        sink += JSON.stringify(JSON.parse(test[i & 1023]!)).length;
      }, count),
    },
    {
      name: "dispatcher: public/test",
      nsPerCall: nsPerCall((i) => {
        sink += (dispatcher.handleText(test[i & 1023]!, session) as string).length;
      }, count),
    },
    {
      name: "dispatcher: private/get_position (token, scope, validation)",
      nsPerCall: nsPerCall((i) => {
        sink += (dispatcher.handleText(position[i & 1023]!, session) as string).length;
      }, count),
    },
  ];
  if (sink === 0) throw new Error("nothing was dispatched");
  return rows;
}
