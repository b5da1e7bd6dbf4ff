import fc from "fast-check";
import type { SpecView } from "../spec/SpecView.js";

type Schema = Record<string, any>;

const DECIMAL = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";

/** Decimal strings as the spec's `Decimal` pattern defines them, small and large. */
export const decimalArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.nat({ max: 8 }))
  .map(([negative, units, scale]) => {
    const digits = units.toString().padStart(scale + 1, "0");
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return negative && units !== 0n ? `-${text}` : text;
  });

/**
 * A fast-check arbitrary of values valid for a schema of the spec: enums, `anyOf`, strings
 * (with the Decimal and digit patterns), integers in range, numbers, booleans, objects, arrays.
 * `$ref`s are followed into `components.schemas`.
 */
export function arbitraryFromSchema(
  spec: SpecView,
  schema: unknown,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = spec.deref(schema) as Schema;
  if (Array.isArray(s["enum"])) return fc.constantFrom(...(s["enum"] as unknown[]));
  if ("const" in s) return fc.constant(s["const"]);
  const alternatives = (s["anyOf"] ?? s["oneOf"]) as unknown[] | undefined;
  if (alternatives !== undefined)
    return fc.oneof(...alternatives.map((a) => arbitraryFromSchema(spec, a, depth + 1)));
  const type = Array.isArray(s["type"]) ? s["type"][0] : s["type"];
  switch (type) {
    case "string": {
      if (s["pattern"] === DECIMAL) return decimalArbitrary;
      if (s["pattern"] === "^[0-9]+$") return fc.stringMatching(/^[0-9]{1,20}$/);
      if (typeof s["pattern"] === "string") return fc.stringMatching(new RegExp(s["pattern"]));
      return fc.string({ minLength: s["minLength"] ?? 0, maxLength: s["maxLength"] ?? 40 });
    }
    case "integer":
      return fc.integer({
        min: s["minimum"] ?? -1_000_000_000,
        max: s["maximum"] ?? 1_000_000_000,
      });
    case "number":
      return fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 3
        ? fc.constant([])
        : fc.array(arbitraryFromSchema(spec, s["items"] ?? {}, depth + 1), { maxLength: 3 });
    case "object": {
      if (depth > 3) return fc.constant({});
      const props = (s["properties"] ?? {}) as Record<string, unknown>;
      const arbs = Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, arbitraryFromSchema(spec, v, depth + 1)]),
      );
      return fc.record(arbs, { requiredKeys: (s["required"] as string[] | undefined) ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Strings that look numeric but are not decimals as the spec writes them. */
export const malformedDecimals = [
  "1e5",
  "12,5",
  "abc",
  "1.",
  ".5",
  "+1",
  "0x10",
  " 1",
  "",
  "NaN",
  "Infinity",
  "1_000",
  "--1",
  "1.2.3",
  "01",
  "-0.",
  "٣",
];

/**
 * Values that violate a schema: other JSON types, malformed decimals, strings outside an enum,
 * numbers out of range; filtered through the spec's own validator so each is truly invalid.
 */
export function invalidArbitrary(spec: SpecView, schema: unknown): fc.Arbitrary<unknown> {
  const decimal = acceptsDecimals(spec, schema);
  return fc
    .oneof(
      {
        arbitrary: fc.constantFrom<unknown>(
          null,
          true,
          false,
          0,
          -1,
          1.5,
          10_001,
          [],
          {},
          { a: 1 },
          [1],
        ),
        weight: 1,
      },
      { arbitrary: fc.constantFrom(...malformedDecimals), weight: decimal ? 6 : 1 },
      { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 1 },
      { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    )
    .filter((v) => spec.validate(schema, v) !== undefined);
}

/** Whether a schema takes decimal strings (Decimal, DecimalInput): malformed ones matter most there. */
export function acceptsDecimals(spec: SpecView, schema: unknown): boolean {
  return spec.validate(schema, "1.5") === undefined && spec.validate(schema, "1e5") !== undefined;
}
