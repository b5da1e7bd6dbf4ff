import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { idText } from "./idText.js";

describe("idText (the suite's own reading, not the server's rawIdText)", () => {
  test.each([
    ['{"jsonrpc":"2.0","id":12345678901234567890,"result":1}', "12345678901234567890"],
    ['{"id":"abc"}', '"abc"'],
    [' { "id" : -1.5e3 , "x" : [1, {"id": 2}] } \n', "-1.5e3"],
    ['{"result":{"id":7},"id":8}', "8"],
    ['{"id":1,"id":2}', "2"],
    ['{"\\u0069d":3}', "3"],
    ['{"id":null}', "null"],
    ['{"method":"x"}', undefined],
    ["[1]", undefined],
    ['{"id":1', undefined],
    ['{"id":01}', undefined],
    ["not json", undefined],
  ])("%s -> %s", (text, want) => {
    expect(idText(text)).toBe(want);
  });

  test("a deeply nested answer is read without running out of stack", () => {
    const deep = `{"result":${"[".repeat(100_000)}${"]".repeat(100_000)},"id":9}`;
    expect(idText(deep)).toBe("9");
  });

  test("agrees with JSON.parse on any object", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.jsonValue(),
        fc.integer({ min: 0, max: 4 }),
        (rest, id, space) => {
          const text = JSON.stringify({ ...rest, id }, null, space);
          expect(JSON.parse(idText(text)!)).toEqual(JSON.parse(text).id);
        },
      ),
    );
  });
});
