import { errorProblem, expectError } from "../checks/expectations.js";
import { protocolChecks as c } from "../checks/protocolChecks.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { Scenario } from "../core/Scenario.js";
import { describeOutcome, type Exchange, wireError } from "../driver/Exchange.js";

const firstProblem = (pairs: [Exchange, string | undefined][]) =>
  pairs.find(([, p]) => p !== undefined);

/** Malformed bytes and refused requests, each with its JSON-RPC code. */
export const protocolErrors: Scenario = {
  name: "protocol-errors",
  description:
    "Parse error, invalid request, batch, positional params, unknown method, notification",
  checks: Object.values(c),
  run: (ctx) =>
    collectOutcomes(Object.values(c), async (out) => {
      const d = await ctx.driver();
      const parse = await d.send('{"jsonrpc":"2.0","id":1,"method":"public/test"');
      const parseProblem =
        errorProblem(parse, { code: -32700 }) ??
        ((parse.response as { id?: unknown } | undefined)?.id === null
          ? undefined
          : "id is not null");
      out.push(
        c.parseError.verdict(parseProblem, { exchange: parse, expected: "error -32700, id null" }),
      );

      const invalid = firstProblem(
        await Promise.all(
          [
            '{"jsonrpc":"2.0","id":2}',
            '{"jsonrpc":"2.0","id":3,"method":42}',
            '{"jsonrpc":"1.0","id":4,"method":"public/test"}',
          ].map(async (text): Promise<[Exchange, string | undefined]> => {
            const e = await d.send(text);
            return [e, errorProblem(e, { code: -32600 })];
          }),
        ),
      );
      out.push(
        c.invalidRequest.verdict(
          invalid?.[1],
          invalid && { exchange: invalid[0], expected: "error -32600" },
        ),
      );

      const batch = await d.send('[{"jsonrpc":"2.0","id":5,"method":"public/test","params":{}}]');
      const batchProblem =
        errorProblem(batch, { code: -32600 }) ??
        (/batch/i.test(JSON.stringify(wireError(batch)))
          ? undefined
          : "the error does not say that batches are not supported");
      out.push(
        c.batch.verdict(batchProblem, {
          exchange: batch,
          expected:
            'one object: error -32600, message or data saying "batch requests are not supported"',
        }),
      );

      out.push(
        expectError(
          c.positionalParams,
          await d.send(
            `{"jsonrpc":"2.0","id":6,"method":"public/get_order_book","params":[${JSON.stringify(ctx.instrument)}]}`,
          ),
          { code: -32602 },
        ),
      );
      out.push(
        firstFailing([
          expectError(c.methodNotFound, await d.call("public/no_such_method", {}), {
            code: -32601,
          }),
          expectError(c.methodNotFound, await d.call("private/no_such_method", {}), {
            code: -32601,
          }),
        ]),
      );

      const notify = await d.send('{"jsonrpc":"2.0","method":"public/test","params":{}}', {
        expectResponse: ctx.transport === "http",
      });
      if (ctx.transport === "http") {
        const answered = notify.response !== undefined;
        out.push(
          c.notification.verdict(
            answered ? `the notification was answered: ${describeOutcome(notify)}` : undefined,
            {
              exchange: notify,
              expected: "no JSON-RPC response (an empty body)",
            },
          ),
        );
      } else {
        const strays = d.strays.length;
        const follow = await d.call("public/test", {}, { id: "after-notification" });
        await new Promise((r) => setTimeout(r, 50));
        const got = (follow.response as { id?: unknown } | undefined)?.id;
        const problem =
          got !== "after-notification"
            ? `the next frame after the notification was ${describeOutcome(follow)} (id ${JSON.stringify(got)})`
            : d.strays.length > strays
              ? `an unexpected frame arrived: ${JSON.stringify(d.strays.at(-1)).slice(0, 200)}`
              : undefined;
        out.push(
          c.notification.verdict(problem, {
            exchange: follow,
            expected: "no frame for the notification",
          }),
        );
      }

      if (ctx.transport !== "http") {
        out.push(c.httpStatus.skip("HTTP only"));
        out.push(c.httpMediaType.skip("HTTP only"));
        out.push(c.httpBodyTooLarge.skip("HTTP only"));
      } else {
        const http = ctx.http();
        const notFound = await http.request({ httpMethod: "GET", path: "/no/such/path" });
        const wrongVerb = await http.request({ httpMethod: "PUT", path: "/api/v2", body: "{}" });
        const problem =
          notFound.status !== 404
            ? [notFound, `GET /no/such/path answered HTTP ${notFound.status ?? notFound.error}`]
            : wrongVerb.status !== 405
              ? [wrongVerb, `PUT /api/v2 answered HTTP ${wrongVerb.status ?? wrongVerb.error}`]
              : undefined;
        out.push(
          c.httpStatus.verdict(problem?.[1] as string | undefined, {
            exchange: (problem?.[0] ?? notFound) as Exchange,
            expected: "404 for an unknown path, 405 for PUT /api/v2",
          }),
        );
        const plain = await http.request({
          httpMethod: "POST",
          path: "/api/v2",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ jsonrpc: "2.0", id: "text-plain", method: "public/test" }),
        });
        out.push(
          c.httpMediaType.verdict(
            plain.status === 415
              ? undefined
              : `POST /api/v2 with Content-Type text/plain answered ${statusOf(plain)}`,
            { exchange: plain, expected: "HTTP 415 Unsupported Media Type" },
          ),
        );
        const limit = ctx.target.maxBodyBytes;
        if (limit === undefined) {
          out.push(
            c.httpBodyTooLarge.skip(
              "the server's body limit is its own: declare it with --max-body-bytes",
            ),
          );
        } else {
          const post = (bytes: number) =>
            http.request({
              httpMethod: "POST",
              path: "/api/v2",
              headers: { "content-type": "application/json" },
              body: paddedRequest(bytes),
            });
          const over = await post(limit + 1);
          const at = over.status === 413 ? await post(limit) : undefined;
          out.push(
            c.httpBodyTooLarge.verdict(
              over.status !== 413
                ? `a body of ${limit + 1} bytes (the limit + 1) answered ${statusOf(over)}`
                : at!.status === 413
                  ? `a body of ${limit} bytes (the limit) answered HTTP 413 too`
                  : undefined,
              {
                exchange: shortened(over.status !== 413 ? over : at!),
                expected: `HTTP 413 for ${limit + 1} bytes, not for ${limit}`,
              },
            ),
          );
        }
      }
    }),
};

/** An HTTP answer's status, or the transport failure that came instead. */
function statusOf(e: Exchange): string | undefined {
  return e.status === undefined ? e.error : `HTTP ${e.status}`;
}

/** The exchange with its padded request cut, for the report's evidence. */
function shortened(e: Exchange): Exchange {
  return {
    ...e,
    request: `${e.request.slice(0, 80)}… (${e.request.length} bytes, padded with spaces)`,
  };
}

/** A public/test request padded with spaces to exactly `bytes` bytes (at least 64). */
function paddedRequest(bytes: number): string {
  const head = '{"jsonrpc":"2.0","id":"body-limit","method":"public/test","params":{}';
  return head + " ".repeat(Math.max(0, bytes - head.length - 1)) + "}";
}

/** The first failed outcome of a check's cases, else the last. */
function firstFailing(outcomes: CheckOutcome[]): CheckOutcome {
  return outcomes.find((o) => o.status === "failed") ?? outcomes.at(-1)!;
}
