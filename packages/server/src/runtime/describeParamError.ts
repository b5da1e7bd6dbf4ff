import type { MethodDescriptor } from "./MethodDescriptor.js";
import type { ValidationError } from "./ParamValidator.js";

/** The `data` of a -32602 Invalid params error: which param, and why, in words. */
export interface ParamProblem {
  readonly param: string;
  readonly reason: string;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Turns the first ajv error of a params object into `{param, reason}`: `{param: "type", reason:
 * 'must be one of "limit"'}`, `{param: "instrument_name", reason: "is required"}`. A nested problem
 * names the top-level param and puts the path in the reason. Decimal params (a string or, in JSON
 * bodies, a number) get one reason whichever branch of their `anyOf` failed, or their length limit.
 */
export function describeParamError(
  errors: readonly ValidationError[] | null | undefined,
  method: MethodDescriptor,
): ParamProblem {
  const error = errors?.[0];
  if (error === undefined) return { param: "params", reason: "are invalid" };
  const path = error.instancePath;
  if (path === "") {
    if (error.keyword === "required") {
      return { param: String(error.params["missingProperty"]), reason: "is required" };
    }
    if (error.keyword === "additionalProperties") {
      return {
        param: String(error.params["additionalProperty"]),
        reason: `is not a param of ${method.name}`,
      };
    }
    return { param: "params", reason: error.message ?? "are invalid" };
  }
  const slash = path.indexOf("/", 1);
  const param = unescapePointer(slash < 0 ? path.slice(1) : path.slice(1, slash));
  const where = slash < 0 ? "" : path.slice(slash + 1) + " ";
  const kind = method.params.find((p) => p.name === param)?.kind;
  // A decimal's length limit is its own reason: a well-formed but too long decimal is not helped
  // by being told what a decimal looks like.
  if (kind === "decimal" && where === "" && error.keyword !== "maxLength") {
    return { param, reason: 'must be a decimal string such as "50000" or "0.5"' };
  }
  return { param, reason: where + humanReason(error) };
}

function humanReason(error: ValidationError): string {
  const params = error.params;
  switch (error.keyword) {
    case "enum":
      return `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(params["allowedValue"])}`;
    case "required":
      return `${String(params["missingProperty"])} is required`;
    case "additionalProperties":
      return `${String(params["additionalProperty"])} is not allowed`;
    case "pattern":
      return `must match the pattern ${String(params["pattern"])}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}
