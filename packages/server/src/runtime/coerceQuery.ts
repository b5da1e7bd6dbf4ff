import type { MethodDescriptor } from "./MethodDescriptor.js";

const integer = /^-?[0-9]+$/;

/**
 * The params of a `GET /api/v2/{method}?...` call, each query value coerced by its param's `kind`:
 * `true`/`false` to booleans, integers and numbers to numbers, `json` params parsed; decimals and
 * strings stay strings. A value that does not coerce stays a string, so the validator reports it
 * (-32602 with the param's name); a query key the method does not declare is kept for the same reason.
 */
export function coerceQuery(
  query: string,
  method: MethodDescriptor | undefined,
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (query === "") return params;
  for (const [name, value] of new URLSearchParams(query)) {
    const kind = method?.params.find((p) => p.name === name)?.kind;
    // A plain assignment to "__proto__" would set the prototype; make it an own (unknown) param.
    Object.defineProperty(params, name, {
      value: coerce(value, kind),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return params;
}

function coerce(value: string, kind: string | undefined): unknown {
  switch (kind) {
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    case "integer": {
      const n = Number(value);
      return integer.test(value) && Number.isSafeInteger(n) ? n : value;
    }
    case "number": {
      const n = Number(value);
      return value.trim() !== "" && Number.isFinite(n) ? n : value;
    }
    case "json":
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default:
      return value;
  }
}
