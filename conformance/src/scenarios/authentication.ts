import { authChecks as c } from "../checks/authChecks.js";
import { errorProblem, resultProblem } from "../checks/expectations.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { RunContext } from "../core/RunContext.js";
import type { Scenario } from "../core/Scenario.js";
import { clientSignatureParams, hmacAuthorization, nonce } from "../core/signatures.js";
import { type Exchange, resultOf, wireError } from "../driver/Exchange.js";

type Step = { exchange: Exchange; problem: string | undefined; expected: string };

/** The first failing step decides; all passing is a pass. */
function steps(check: CheckDefinition, list: Step[]): CheckOutcome {
  const bad = list.find((s) => s.problem !== undefined);
  return bad === undefined
    ? check.pass(`${list.length} request${list.length === 1 ? "" : "s"} answered as specified`)
    : check.fail(bad.problem!, { exchange: bad.exchange, expected: bad.expected });
}

const err = (exchange: Exchange, code: number): Step => ({
  exchange,
  problem: errorProblem(exchange, { code }),
  expected: `error ${code}`,
});

function ok(ctx: RunContext, method: string, exchange: Exchange): Step {
  return {
    exchange,
    problem: resultProblem(ctx.spec, method, exchange),
    expected: `a valid ${method} result`,
  };
}

/**
 * The expired-token check, started early so that its wait overlaps the rest of the scenario: a
 * token asked with scope `expires:1` must work at once; the returned `finish` waits until it has
 * expired (about 1.5 s after the request) and then requires 13009 wherever the token is used.
 * A server that ignores or refuses `expires:` (Deribit's scope extension, which a server need not
 * support) has the check skipped without waiting.
 */
async function startExpiredToken(
  ctx: RunContext,
  key: { id: string; secret: string },
  read: Record<string, unknown>,
): Promise<() => Promise<CheckOutcome>> {
  const check = c.expiredToken;
  const conn = await ctx.openDriver();
  const sentAt = Date.now();
  const login = await conn.call("public/auth", {
    grant_type: "client_credentials",
    client_id: key.id,
    client_secret: key.secret,
    scope: "trade:read_write expires:1",
  });
  const receivedAt = Date.now();
  const error = wireError(login);
  if (error?.code === -32602) {
    const why = `the server refuses the scope entry expires:1 (-32602): it does not support Deribit's token lifetime extension, which it need not`;
    return async () => check.skip(why);
  }
  const loginStep = ok(ctx, "public/auth", login);
  if (loginStep.problem !== undefined) return async () => steps(check, [loginStep]);
  const granted = resultOf<{ access_token: string; expires_in: number }>(login);
  if (granted.expires_in > 1) {
    const why = `the server ignores the scope entry expires:1 (it answered expires_in ${granted.expires_in}): it does not support Deribit's token lifetime extension, which it need not`;
    return async () => check.skip(why);
  }
  const token = granted.access_token;
  const bearer = { headers: { authorization: `Bearer ${token}` } };
  const use = () =>
    ctx.transport === "http"
      ? conn.call("private/get_position", read, bearer)
      : conn.call("private/get_position", read);
  const works = ok(ctx, "private/get_position", await use());
  if (works.problem !== undefined) return async () => steps(check, [loginStep, works]);
  return async () => {
    const expiresBy = receivedAt + granted.expires_in * 1000;
    const until = Math.max(sentAt + 1_500, expiresBy + 250);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    const fresh = await ctx.openDriver();
    return steps(check, [
      loginStep,
      works,
      err(await use(), 13009),
      err(await fresh.call("private/get_position", { ...read, access_token: token }), 13009),
    ]);
  };
}

/** Deribit's documented field order of deri-hmac-sha256, and the reverse of ours. */
const DERIBIT = ["id", "ts", "sig", "nonce"];
const REVERSED = ["sig", "nonce", "ts", "id"];

/** A `deri-hmac-sha256 k=v,...` header with its fields in the given order. */
function reorder(header: string, order: string[]): string {
  const [scheme, fields = ""] = header.split(" ", 2);
  const byName = new Map(fields.split(",").map((f) => [f.slice(0, f.indexOf("=")), f]));
  return `${scheme} ${order.map((name) => byName.get(name)).join(",")}`;
}

/** Every way in (credentials, signature, refresh, token param, HTTP headers) and every refusal. */
export const authentication: Scenario = {
  name: "authentication",
  description:
    "public/auth grants, 10000 without credentials, 13009 for bad secrets, signatures, unknown and expired tokens and replayed nonces, 13403 for scope",
  checks: Object.values(c),
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(Object.values(c), async (out) => {
      const { id, secret } = ctx.accounts.maker;
      const inst = ctx.instrument;
      const read = { instrument_name: inst };
      const expiredToken = await startExpiredToken(ctx, { id, secret }, read);
      const anon = await ctx.openDriver();
      const login = await anon.call("public/auth", {
        grant_type: "client_credentials",
        client_id: id,
        client_secret: secret,
        state: "conformance-state",
      });
      const tokens = resultOf<{
        state?: unknown;
        access_token?: string;
        refresh_token?: string;
        token_type?: string;
      }>(login);
      const loginProblem =
        resultProblem(ctx.spec, "public/auth", login) ??
        (tokens.token_type === "bearer"
          ? undefined
          : `token_type is ${JSON.stringify(tokens.token_type)}`) ??
        (tokens.state === "conformance-state"
          ? undefined
          : `state is ${JSON.stringify(tokens.state)}, the request's state was "conformance-state"`);
      out.push(
        c.clientCredentials.verdict(loginProblem, {
          exchange: login,
          expected: 'a valid public/auth result with token_type "bearer" and state echoed',
        }),
      );

      const fresh = await ctx.openDriver();
      out.push(
        steps(c.required, [
          err(await fresh.call("private/get_position", read), 10000),
          err(
            await fresh.call("private/close_position", { instrument_name: inst, type: "limit" }),
            10000,
          ),
        ]),
      );
      out.push(
        steps(c.leadingSlashPrivate, [
          ok(
            ctx,
            "private/get_position",
            await (await ctx.session("maker")).call("/private/get_position", read),
          ),
        ]),
      );
      out.push(
        steps(c.beforeParams, [
          err(
            await fresh.call("private/close_position", { instrument_name: inst, type: "market" }),
            10000,
          ),
        ]),
      );
      out.push(
        steps(c.badSecret, [
          err(
            await fresh.call("public/auth", {
              grant_type: "client_credentials",
              client_id: id,
              client_secret: `${secret}x`,
            }),
            13009,
          ),
          err(
            await fresh.call("public/auth", {
              grant_type: "client_credentials",
              client_id: `unknown-${nonce()}`,
              client_secret: secret,
            }),
            13009,
          ),
        ]),
      );
      const signed = await fresh.call(
        "public/auth",
        clientSignatureParams(id, secret, { data: "conformance" }),
      );
      const badSig = { ...clientSignatureParams(id, secret), signature: "00".repeat(32) };
      out.push(
        steps(c.clientSignature, [
          ok(ctx, "public/auth", signed),
          err(await (await ctx.openDriver()).call("public/auth", badSig), 13009),
        ]),
      );
      const stale = clientSignatureParams(id, secret, { timestamp: Date.now() - 5 * 60_000 });
      out.push(
        steps(c.clientSignatureWindow, [
          err(await (await ctx.openDriver()).call("public/auth", stale), 13009),
        ]),
      );
      const once = clientSignatureParams(id, secret);
      out.push(
        steps(c.clientSignatureNonce, [
          ok(ctx, "public/auth", await (await ctx.openDriver()).call("public/auth", once)),
          err(await (await ctx.openDriver()).call("public/auth", once), 13009),
        ]),
      );
      const refreshConn = await ctx.openDriver();
      const refreshed =
        typeof tokens?.refresh_token === "string"
          ? await refreshConn.call("public/auth", {
              grant_type: "refresh_token",
              refresh_token: tokens.refresh_token,
            })
          : login;
      // On a WebSocket the refresh authenticates its connection, as any public/auth does.
      out.push(
        ctx.transport !== "ws"
          ? c.refreshAuthenticates.skip("WebSocket only")
          : steps(c.refreshAuthenticates, [
              ok(ctx, "public/auth", refreshed),
              ok(ctx, "private/get_position", await refreshConn.call("private/get_position", read)),
            ]),
      );
      out.push(
        steps(c.refreshToken, [
          ok(ctx, "public/auth", refreshed),
          err(
            await (await ctx.openDriver()).call("public/auth", {
              grant_type: "refresh_token",
              refresh_token: `unknown-${nonce()}`,
            }),
            13009,
          ),
        ]),
      );
      out.push(
        typeof tokens?.refresh_token === "string"
          ? steps(c.refreshSingleUse, [
              ok(ctx, "public/auth", refreshed),
              err(
                await (await ctx.openDriver()).call("public/auth", {
                  grant_type: "refresh_token",
                  refresh_token: tokens.refresh_token,
                }),
                13009,
              ),
            ])
          : c.refreshSingleUse.fail("the public/auth result has no refresh_token", {
              exchange: login,
              expected: "a refresh_token",
            }),
      );
      const other = await ctx.openDriver();
      out.push(
        steps(c.unknownToken, [
          err(
            await other.call("private/get_position", {
              ...read,
              access_token: `never-issued-${nonce()}`,
            }),
            13009,
          ),
        ]),
      );
      const token =
        resultOf<{ access_token?: string }>(refreshed)?.access_token ?? tokens?.access_token ?? "";
      out.push(
        steps(c.tokenParam, [
          ok(
            ctx,
            "private/get_position",
            await other.call("private/get_position", { ...read, access_token: token }),
          ),
        ]),
      );
      const readOnly = await ctx.openDriver();
      const readLogin = await readOnly.call("public/auth", {
        grant_type: "client_credentials",
        client_id: id,
        client_secret: secret,
        scope: "trade:read",
      });
      const readToken = resultOf<{ access_token?: string }>(readLogin)?.access_token ?? "";
      out.push(
        steps(c.scope, [
          ok(ctx, "public/auth", readLogin),
          ok(
            ctx,
            "private/get_position",
            await readOnly.call("private/get_position", { ...read, access_token: readToken }),
          ),
          err(
            await readOnly.call("private/close_position", {
              instrument_name: inst,
              type: "limit",
              access_token: readToken,
            }),
            13403,
          ),
        ]),
      );
      const readRefresh = resultOf<{ refresh_token?: string }>(readLogin)?.refresh_token;
      if (typeof readRefresh !== "string") {
        out.push(
          c.refreshKeepsScope.fail("the trade:read public/auth result has no refresh_token", {
            exchange: readLogin,
            expected: "a refresh_token",
          }),
        );
      } else {
        const refresher = await ctx.openDriver();
        const renewed = await refresher.call("public/auth", {
          grant_type: "refresh_token",
          refresh_token: readRefresh,
        });
        const renewedToken = resultOf<{ access_token?: string }>(renewed)?.access_token ?? "";
        out.push(
          steps(c.refreshKeepsScope, [
            ok(ctx, "public/auth", renewed),
            err(
              await (await ctx.openDriver()).call("private/close_position", {
                instrument_name: inst,
                type: "limit",
                access_token: renewedToken,
              }),
              13403,
            ),
          ]),
        );
      }

      if (ctx.transport !== "http") {
        for (const check of [
          c.httpBearer,
          c.httpBasic,
          c.httpHmac,
          c.httpHmacReplay,
          c.httpHmacFieldOrder,
        ])
          out.push(check.skip("HTTP only"));
        out.push(await expiredToken());
        return;
      }
      const http = ctx.http();
      const body = JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "private/get_position",
        params: read,
      });
      const post = (headers: Record<string, string>, text = body) => http.send(text, { headers });
      out.push(
        steps(c.httpBearer, [
          ok(ctx, "private/get_position", await post({ authorization: `bearer ${token}` })),
          err(await post({ authorization: `Bearer never-issued-${nonce()}` }), 13009),
        ]),
      );
      const basic = (s: string) => `Basic ${Buffer.from(`${id}:${s}`).toString("base64")}`;
      out.push(
        steps(c.httpBasic, [
          ok(ctx, "private/get_position", await post({ authorization: basic(secret) })),
          err(await post({ authorization: basic(`${secret}x`) }), 13009),
        ]),
      );
      const sign = (options: { ts?: number; nonce?: string } = {}, s = secret) =>
        hmacAuthorization(id, s, { httpMethod: "POST", path: "/api/v2", body }, options);
      out.push(
        steps(c.httpHmac, [
          ok(ctx, "private/get_position", await post({ authorization: sign() })),
          err(await post({ authorization: sign({}, `${secret}x`) }), 13009),
          err(await post({ authorization: sign({ ts: Date.now() - 5 * 60_000 }) }), 13009),
        ]),
      );
      const signedOnce = sign({ nonce: nonce() });
      out.push(
        steps(c.httpHmacReplay, [
          ok(ctx, "private/get_position", await post({ authorization: signedOnce })),
          err(await post({ authorization: signedOnce }), 13009),
        ]),
      );
      out.push(
        steps(c.httpHmacFieldOrder, [
          ok(ctx, "private/get_position", await post({ authorization: reorder(sign(), DERIBIT) })),
          ok(ctx, "private/get_position", await post({ authorization: reorder(sign(), REVERSED) })),
        ]),
      );
      out.push(await expiredToken());
    }),
};
