import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rawIdText } from "./rawIdText.js";

describe("rawIdText", () => {
  it.each([
    ['{"jsonrpc":"2.0","id":12345678901234567890,"method":"public/test"}', "12345678901234567890"],
    ['{ "method" : "x" , "id" : 1.50 }', "1.50"],
    ['{"params":{"id":1,"s":"\\"id\\":2"},"id":-3e2}', "-3e2"],
    ['{"a":[{"id":1},"]}"],"id":"x","id":7}', "7"],
    ['{"id":"quoted"}', '"quoted"'],
    ['{"id":{"a":1},"\\u0069d":1.5}', "1.5"],
    ['{"\\u0069\\u0064":12345678901234567890}', "12345678901234567890"],
    ['{"i\\"d":1,"\\u0069d":2,"i\\\\d":3}', "2"],
    ['{"method":"x"}', undefined],
    ["[1,2]", undefined],
  ])("%s -> %s", (text, want) => {
    expect(rawIdText(text)).toBe(want);
  });

  it("finds what JSON.parse reads as the top-level id, in any valid request", () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== "id" && k !== "__proto__"),
          value,
        ),
        fc.oneof(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer()),
        fc.nat(4),
        (members, id, at) => {
          const entries = Object.entries(members).map(
            ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
          );
          entries.splice(Math.min(at, entries.length), 0, `"id" : ${String(id)}`);
          const text = `{ ${entries.join(" , ")} }`;
          expect(JSON.parse(text).id).toBe(Number(String(id)));
          expect(rawIdText(text)).toBe(String(id));
        },
      ),
      { seed: 9, numRuns: 500 },
    );
  });
});
