import type { CheckOutcome } from "../core/CheckOutcome.js";
import { defineCheck } from "../core/defineCheck.js";
import { idText } from "../core/idText.js";
import { specRef } from "../core/SpecReference.js";
import type { Exchange } from "../driver/Exchange.js";
import { overTraffic } from "./overTraffic.js";

const envelope = (member: string) =>
  specRef(undefined, `/x-response-envelope/properties/${member}`);

/** Checks of the response envelope, applied to every response of a run. */
export const envelopeChecks = {
  answered: defineCheck({
    id: "envelope-answered",
    description: "Every request with an id gets an answer (no timeout, no dropped connection)",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports")],
  }),
  json: defineCheck({
    id: "envelope-json",
    description:
      "Every JSON-RPC answer is one JSON object (HTTP 200 body or one WebSocket text frame)",
    method: "*",
    specReferences: [
      specRef(undefined, "/x-response-envelope"),
      specRef(undefined, "/x-transports"),
    ],
  }),
  jsonrpc: defineCheck({
    id: "envelope-jsonrpc",
    description: 'Every response has jsonrpc: "2.0"',
    method: "*",
    specReferences: [envelope("jsonrpc")],
  }),
  id: defineCheck({
    id: "envelope-id",
    description:
      "Every response echoes the request id exactly (same type and value, digit for digit beyond 2^53); null only when the request could not be read",
    method: "*",
    specReferences: [envelope("id")],
  }),
  resultXorError: defineCheck({
    id: "envelope-result-xor-error",
    description:
      "Every response has exactly one of result and error; an error has an integer code and a string message",
    method: "*",
    specReferences: [specRef(undefined, "/x-response-envelope")],
  }),
  timestamps: defineCheck({
    id: "envelope-timestamps",
    description:
      "usIn and usOut are integers, microseconds since the epoch, plausible against the wall clock, usIn <= usOut",
    method: "*",
    specReferences: [envelope("usIn"), envelope("usOut")],
  }),
  usDiff: defineCheck({
    id: "envelope-usdiff",
    description: "usDiff is an integer equal to usOut - usIn",
    method: "*",
    specReferences: [envelope("usDiff")],
  }),
  http200: defineCheck({
    id: "envelope-http-200",
    description: "Over HTTP, JSON-RPC answers (errors included) come with status 200",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/http")],
  }),
  testnet: defineCheck({
    id: "envelope-testnet",
    description: "testnet is a boolean",
    method: "*",
    specReferences: [envelope("testnet")],
  }),
};

/** How far (µs) the server's clock may be from the suite's before usIn/usOut look implausible. */
export const CLOCK_TOLERANCE_US = 60_000_000;

type Problem = { problem: string; expected?: string } | undefined;

function body(exchange: Exchange): Record<string, unknown> | undefined {
  const r = exchange.response;
  return r !== null && typeof r === "object" && !Array.isArray(r)
    ? (r as Record<string, unknown>)
    : undefined;
}

/** Whether the exchange is a JSON-RPC request that must be answered. */
export function expectsAnswer(exchange: Exchange): boolean {
  if (exchange.httpMethod === "GET") return true;
  return exchange.requestId !== undefined || !isJsonObject(exchange.request);
}

function isJsonObject(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v);
  } catch {
    return false;
  }
}

function isJsonRpcEndpoint(exchange: Exchange): boolean {
  if (exchange.transport === "ws") return true;
  const path = new URL(exchange.url).pathname;
  return (exchange.httpMethod === "POST" && path === "/api/v2") || path.startsWith("/api/v2/");
}

/** The HTTP statuses the spec gives transport faults; it leaves their bodies to the server. */
const TRANSPORT_FAULTS = new Set([404, 405, 413, 415]);

/** An HTTP transport fault (e.g. a web front's HTML 415 page), not a JSON-RPC answer. */
const isTransportFault = (exchange: Exchange) =>
  exchange.transport === "http" &&
  exchange.status !== undefined &&
  TRANSPORT_FAULTS.has(exchange.status);

/** A JSON-RPC answer, as opposed to an HTTP transport fault (404, 405 with any body). */
function isRpcAnswer(exchange: Exchange): boolean {
  const o = body(exchange);
  if (o === undefined || !isJsonRpcEndpoint(exchange)) return false;
  return exchange.transport === "ws" || exchange.status === 200 || "jsonrpc" in o;
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

function idProblem(exchange: Exchange, o: Record<string, unknown>): Problem {
  if (exchange.httpMethod === "GET") return undefined;
  const sent = exchange.requestId;
  const got = o["id"];
  if (typeof sent === "string" || typeof sent === "number") {
    if (got !== sent) {
      return {
        problem: `id ${JSON.stringify(got)} (${typeof got}) does not echo the request's id`,
        expected: `id ${JSON.stringify(sent)} (${typeof sent})`,
      };
    }
    // Beyond 2^53 (or with a fraction) a rounded echo parses to the same number: compare the text.
    if (typeof sent === "number" && !Number.isSafeInteger(sent)) {
      const sentText = idText(exchange.request);
      const gotText =
        exchange.responseText === undefined ? undefined : idText(exchange.responseText);
      if (sentText !== undefined && gotText !== sentText) {
        return {
          problem: `id ${gotText} does not echo the request's id ${sentText} digit for digit (parsed as a double and printed again?)`,
          expected: `id ${sentText}, as the request wrote it`,
        };
      }
    }
    return undefined;
  }
  if (got === null) return undefined;
  return {
    problem: `id is ${JSON.stringify(got)}`,
    expected: "id null: the request's id could not be read",
  };
}

function timestampProblem(exchange: Exchange, o: Record<string, unknown>): Problem {
  const usIn = o["usIn"];
  const usOut = o["usOut"];
  const expected =
    "integers, microseconds since the epoch (16 digits), usIn <= usOut, within 60 s of the wall clock";
  if (!isInt(usIn) || !isInt(usOut)) {
    return {
      problem: `usIn ${JSON.stringify(usIn)}, usOut ${JSON.stringify(usOut)}: not both integers`,
      expected,
    };
  }
  const low = exchange.sentAtUs - CLOCK_TOLERANCE_US;
  const high = (exchange.receivedAtUs ?? exchange.sentAtUs) + CLOCK_TOLERANCE_US;
  for (const [name, v] of [
    ["usIn", usIn],
    ["usOut", usOut],
  ] as const) {
    if (v < low || v > high) {
      const hint = v > 1e12 && v < 1e14 ? " (looks like milliseconds)" : "";
      return {
        problem: `${name} ${v} is ${Math.round((v - exchange.sentAtUs) / 1e6)} s from the suite's clock${hint}`,
        expected,
      };
    }
  }
  if (usIn > usOut) return { problem: `usIn ${usIn} is after usOut ${usOut}`, expected };
  return undefined;
}

/** The envelope checks over a run's exchanges: one outcome per check. */
export function checkEnvelope(exchanges: readonly Exchange[]): CheckOutcome[] {
  const c = envelopeChecks;
  const wanted = exchanges.filter(expectsAnswer);
  const answered = wanted.filter((e) => e.error === undefined && isJsonRpcEndpoint(e));
  const objects = exchanges.filter(isRpcAnswer);
  const each = (fn: (e: Exchange, o: Record<string, unknown>) => Problem) => (e: Exchange) =>
    fn(e, body(e)!);
  return [
    overTraffic(c.answered, wanted, (e) =>
      e.error === undefined ? undefined : { problem: e.error, expected: "an answer" },
    ),
    overTraffic(
      c.json,
      answered.filter((e) => !isTransportFault(e)),
      (e) =>
        body(e) !== undefined
          ? undefined
          : {
              problem: `the answer is not a JSON object: ${e.status === undefined ? "" : `HTTP ${e.status} `}${JSON.stringify((e.responseText ?? "").slice(0, 120))}`,
              expected: "one JSON-RPC response object",
            },
    ),
    overTraffic(
      c.jsonrpc,
      objects,
      each((_, o) =>
        o["jsonrpc"] === "2.0"
          ? undefined
          : { problem: `jsonrpc is ${JSON.stringify(o["jsonrpc"])}`, expected: '"2.0"' },
      ),
    ),
    overTraffic(c.id, objects, each(idProblem)),
    overTraffic(
      c.resultXorError,
      objects,
      each((_, o) => {
        const hasResult = "result" in o;
        const hasError = "error" in o;
        if (hasResult === hasError) {
          return {
            problem: hasResult ? "both result and error" : "neither result nor error",
            expected: "exactly one of result and error",
          };
        }
        if (hasError) {
          const err = o["error"] as Record<string, unknown> | null;
          if (
            err === null ||
            typeof err !== "object" ||
            !isInt(err["code"]) ||
            typeof err["message"] !== "string"
          ) {
            return {
              problem: `error is ${JSON.stringify(err)}`,
              expected: "{code: integer, message: string, data?}",
            };
          }
        }
        return undefined;
      }),
    ),
    overTraffic(c.timestamps, objects, each(timestampProblem)),
    overTraffic(
      c.usDiff,
      objects,
      each((_, o) => {
        const d = o["usDiff"];
        if (!isInt(d)) return { problem: `usDiff is ${JSON.stringify(d)}`, expected: "an integer" };
        if (isInt(o["usIn"]) && isInt(o["usOut"]) && d !== o["usOut"] - o["usIn"]) {
          return {
            problem: `usDiff ${d} but usOut - usIn = ${o["usOut"] - o["usIn"]}`,
            expected: "usDiff = usOut - usIn",
          };
        }
        return undefined;
      }),
    ),
    overTraffic(
      c.http200,
      objects.filter((e) => e.transport === "http" && "jsonrpc" in body(e)!),
      (e) => (e.status === 200 ? undefined : { problem: `HTTP ${e.status}`, expected: "HTTP 200" }),
    ),
    overTraffic(
      c.testnet,
      objects,
      each((_, o) =>
        typeof o["testnet"] === "boolean"
          ? undefined
          : { problem: `testnet is ${JSON.stringify(o["testnet"])}`, expected: "true or false" },
      ),
    ),
  ];
}
