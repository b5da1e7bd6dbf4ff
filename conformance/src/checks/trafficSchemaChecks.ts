import type { CheckOutcome } from "../core/CheckOutcome.js";
import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";
import { type Exchange, hasResult, resultOf, wireError } from "../driver/Exchange.js";
import type { SpecView } from "../spec/SpecView.js";
import { overTraffic } from "./overTraffic.js";

/** Checks of results and errors against the spec, applied to every response of a run, per method. */
export const trafficSchemaChecks = {
  resultSchema: defineCheck({
    id: "result-schema",
    description: "Every result validates against its method's result schema",
    method: "*",
    specReferences: [specRef(undefined, "/methods", "each method's result.schema")],
  }),
  errorDeclared: defineCheck({
    id: "error-declared",
    description:
      "Every error code is one the method declares, or a protocol error (x-protocol-errors)",
    method: "*",
    specReferences: [
      specRef(undefined, "/methods", "each method's errors"),
      specRef(undefined, "/x-protocol-errors"),
    ],
  }),
  errorMessage: defineCheck({
    id: "error-message",
    description:
      "Every error's message is the one the spec gives its code (e.g. 10000 authorization_required)",
    method: "*",
    specReferences: [specRef(undefined, "/components/errors")],
  }),
  invalidParamsData: defineCheck({
    id: "error-invalid-params-data",
    description: "Every -32602 Invalid params carries data {param, reason} (strings)",
    method: "*",
    specReferences: [specRef(undefined, "/components/errors/InvalidParams")],
  }),
  scopeData: defineCheck({
    id: "error-scope-data",
    description:
      "Every 13403 scope_exceeded carries data {reason, required_scope}, required_scope the method's x-auth.scope",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/ScopeExceeded"),
      specRef(
        undefined,
        "/info/description",
        "13403 `scope_exceeded` with `data: {reason, required_scope}`",
      ),
    ],
  }),
  rejectReason: defineCheck({
    id: "error-reject-reason",
    description:
      "Every 11030 other_reject carries data.reason, one of the method's x-reject-reasons",
    method: "*",
    specReferences: [specRef("private/close_position", "/x-reject-reasons")],
  }),
};

function byMethod(spec: SpecView, exchanges: readonly Exchange[]): Map<string, Exchange[]> {
  const groups = new Map<string, Exchange[]>();
  for (const e of exchanges) {
    const key =
      e.method !== undefined && spec.method(e.method) !== undefined
        ? spec.method(e.method)!.name
        : "*";
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    list.push(e);
  }
  return groups;
}

/** The schema and error checks over a run's exchanges: one outcome per check and method seen. */
export function checkTrafficSchemas(
  spec: SpecView,
  exchanges: readonly Exchange[],
): CheckOutcome[] {
  const c = trafficSchemaChecks;
  const codes = new Map<number, string>();
  for (const e of Object.values(spec.document.components?.errors ?? {}) as {
    code: number;
    message: string;
  }[]) {
    codes.set(e.code, e.message);
  }
  const protocol = spec.protocolErrors.map((e) => e.code);
  const out: CheckOutcome[] = [];
  for (const [method, list] of byMethod(spec, exchanges)) {
    const m = method === "*" ? undefined : spec.method(method);
    const results = list.filter(hasResult);
    const errors = list.filter((e) => wireError(e) !== undefined);
    if (m !== undefined && results.length > 0) {
      out.push(
        overTraffic(
          c.resultSchema,
          results,
          (e) => {
            const problem = spec.validateResult(method, resultOf(e));
            return problem === undefined
              ? undefined
              : {
                  problem: `the result does not match ${method}'s result schema: ${problem}`,
                  expected: "a valid result",
                };
          },
          method,
        ),
      );
    }
    if (errors.length === 0) continue;
    const declared = new Set([
      ...(m ? spec.declaredErrors(method).map((d) => d.code) : []),
      ...protocol,
    ]);
    out.push(
      overTraffic(
        c.errorDeclared,
        errors,
        (e) => {
          const code = wireError(e)!.code;
          return typeof code === "number" && declared.has(code)
            ? undefined
            : {
                problem: `error code ${JSON.stringify(code)} is not declared for ${method === "*" ? "a request that names no spec method" : method}`,
                expected: `one of ${[...declared].join(", ")}`,
              };
        },
        method,
      ),
    );
    out.push(
      overTraffic(
        c.errorMessage,
        errors,
        (e) => {
          const { code, message } = wireError(e)!;
          const want = typeof code === "number" ? codes.get(code) : undefined;
          return want === undefined || message === want
            ? undefined
            : {
                problem: `error ${code} has message ${JSON.stringify(message)}`,
                expected: JSON.stringify(want),
              };
        },
        method,
      ),
    );
    const invalid = errors.filter((e) => wireError(e)!.code === -32602);
    if (invalid.length > 0) {
      out.push(
        overTraffic(
          c.invalidParamsData,
          invalid,
          (e) => {
            const data = wireError(e)!.data as Record<string, unknown> | undefined;
            return typeof data?.["param"] === "string" && typeof data["reason"] === "string"
              ? undefined
              : {
                  problem: `data is ${JSON.stringify(data)}`,
                  expected: "data {param: string, reason: string}",
                };
          },
          method,
        ),
      );
    }
    const scoped = errors.filter((e) => wireError(e)!.code === 13403);
    if (scoped.length > 0) {
      const scope = m?.["x-auth"]?.scope;
      out.push(
        overTraffic(
          c.scopeData,
          scoped,
          (e) => {
            const data = wireError(e)!.data as Record<string, unknown> | undefined;
            const required = data?.["required_scope"];
            return typeof data?.["reason"] === "string" &&
              typeof required === "string" &&
              (typeof scope !== "string" || required === scope)
              ? undefined
              : {
                  problem: `data is ${JSON.stringify(data)}`,
                  expected: `data {reason: string, required_scope: ${JSON.stringify(scope ?? "<the method's scope>")}}`,
                };
          },
          method,
        ),
      );
    }
    const rejects = errors.filter((e) => wireError(e)!.code === 11030);
    if (rejects.length > 0 && m !== undefined) {
      const reasons = m["x-reject-reasons"] ?? [];
      out.push(
        overTraffic(
          c.rejectReason,
          rejects,
          (e) => {
            const reason = (wireError(e)!.data as Record<string, unknown> | undefined)?.["reason"];
            return typeof reason === "string" && reasons.includes(reason)
              ? undefined
              : {
                  problem: `data.reason is ${JSON.stringify(reason)}`,
                  expected: `one of ${JSON.stringify(reasons)}`,
                };
          },
          method,
        ),
      );
    }
  }
  return out;
}
