import type { ParamValidator, ValidationError } from "@unwind/server";
import type { ParamSpec } from "./ParamSpec.js";

type Check = (value: unknown) => ValidationError | undefined;

function fail(
  name: string,
  keyword: string,
  message: string,
  params: Record<string, unknown> = {},
): ValidationError {
  return { instancePath: "/" + name, keyword, params, message };
}

function checker(spec: ParamSpec): Check {
  const { name } = spec;
  const pattern = spec.pattern === undefined ? undefined : new RegExp(spec.pattern);
  switch (spec.kind) {
    case "boolean":
      return (v) =>
        typeof v === "boolean"
          ? undefined
          : fail(name, "type", "must be boolean", { type: "boolean" });
    case "integer":
    case "number":
      return (v) => {
        const ok =
          typeof v === "number" &&
          (spec.kind === "number" ? Number.isFinite(v) : Number.isInteger(v));
        if (!ok) return fail(name, "type", `must be ${spec.kind}`, { type: spec.kind });
        if (spec.minimum !== undefined && (v as number) < spec.minimum) {
          return fail(name, "minimum", `must be >= ${spec.minimum}`, { limit: spec.minimum });
        }
        if (spec.maximum !== undefined && (v as number) > spec.maximum) {
          return fail(name, "maximum", `must be <= ${spec.maximum}`, { limit: spec.maximum });
        }
        return undefined;
      };
    case "decimal":
      // A decimal string or, in JSON bodies, a JSON number (DecimalInput's anyOf).
      return (v) =>
        (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && pattern!.test(v))
          ? undefined
          : fail(name, "anyOf", "must match a schema in anyOf");
    default:
      return (v) => {
        if (typeof v !== "string") return fail(name, "type", "must be string", { type: "string" });
        if (spec.enum !== undefined && !spec.enum.includes(v)) {
          return fail(name, "enum", "must be equal to one of the allowed values", {
            allowedValues: spec.enum,
          });
        }
        if (spec.minLength !== undefined && v.length < spec.minLength) {
          const message = `must NOT have fewer than ${spec.minLength} characters`;
          return fail(name, "minLength", message, { limit: spec.minLength });
        }
        if (spec.maxLength !== undefined && v.length > spec.maxLength) {
          const message = `must NOT have more than ${spec.maxLength} characters`;
          return fail(name, "maxLength", message, { limit: spec.maxLength });
        }
        if (pattern !== undefined && !pattern.test(v)) {
          return fail(name, "pattern", `must match pattern "${spec.pattern}"`, {
            pattern: spec.pattern,
          });
        }
        return undefined;
      };
  }
}

/**
 * A params validator with the ajv interface the server's dispatcher reads (`errors` holds the first
 * problem): required params first, then each given param in the spec's order. Params the method
 * does not declare are accepted and ignored, as Deribit clients send extra ones.
 */
export function createValidator(params: readonly ParamSpec[]): ParamValidator {
  const required = params.filter((p) => p.required).map((p) => p.name);
  const checks = params.map((p) => [p.name, checker(p)] as const);
  const validate: ParamValidator = (data: unknown): boolean => {
    validate.errors = null;
    const object = data as Record<string, unknown>;
    for (const name of required) {
      if (object[name] === undefined) {
        validate.errors = [
          {
            instancePath: "",
            keyword: "required",
            params: { missingProperty: name },
            message: `must have required property '${name}'`,
          },
        ];
        return false;
      }
    }
    for (const [name, check] of checks) {
      const value = object[name];
      if (value === undefined) continue;
      const error = check(value);
      if (error !== undefined) {
        validate.errors = [error];
        return false;
      }
    }
    return true;
  };
  return validate;
}
