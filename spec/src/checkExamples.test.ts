import { describe, expect, test } from "vitest";
import { checkExamples } from "./checkExamples.js";
import { freshDocument, methodOf } from "./testDocument.test-helpers.js";

const CLOSE = "private/close_position";

test("every example of the spec validates against its method", () => {
  expect(checkExamples(freshDocument())).toEqual([]);
});

test("close_position's first example is the seed's own", () => {
  const first = methodOf(freshDocument(), CLOSE).examples[0];
  expect(first.result.value).toEqual({ order: { order_id: "39005203453841408" } });
});

describe("a broken example is reported with the method and the field", () => {
  const cases: [string, (m: any) => void, RegExp][] = [
    [
      "result of the wrong type",
      (m) => {
        m.examples[0].result.value = { order: { order_id: 39005203453841408 } };
      },
      /private\/close_position examples\[0\].*\.result .*order_id must be string/,
    ],
    [
      "an undeclared param",
      (m) => m.examples[0].params.push({ name: "amount", value: "10" }),
      /private\/close_position examples\[0\].*\.params\.amount is not a param/,
    ],
    [
      "a bad enum value",
      (m) => {
        m.examples[0].params.find((p: any) => p.name === "type").value = "market";
      },
      /private\/close_position examples\[0\].*\.params\.type does not match/,
    ],
    [
      "an undeclared error code",
      (m) =>
        m.examples.push({
          name: "x",
          params: [],
          "x-error": { code: 11054, message: "post_only_reject" },
        }),
      /x-error\.code 11054 is not an error the method declares/,
    ],
    [
      "the wrong message for a declared code",
      (m) =>
        m.examples.push({ name: "x", params: [], "x-error": { code: 10020, message: "nope" } }),
      /x-error\.message expected "invalid_or_unsupported_instrument"/,
    ],
  ];
  test.each(cases)("%s", (_name, breakIt, want) => {
    const document = freshDocument();
    breakIt(methodOf(document, CLOSE));
    const text = checkExamples(document)
      .map((p) => `${p.where} ${p.field} ${p.message}`)
      .join("\n");
    expect(text).toMatch(want);
  });
});

describe("the subscription notification's examples", () => {
  test("a payload that does not match its channel's data schema is reported", () => {
    const document = freshDocument();
    const data = methodOf(document, "subscription").examples[0].params.find(
      (p: any) => p.name === "data",
    );
    data.value[0].trade_seq = "57";
    const text = checkExamples(document)
      .map((p) => `${p.where} ${p.field} ${p.message}`)
      .join("\n");
    expect(text).toMatch(
      /subscription examples\[0\].*\.params\.data does not match the channel's data schema.*trade_seq must be integer/,
    );
  });

  test("a notification example with a result is reported", () => {
    const document = freshDocument();
    methodOf(document, "subscription").examples[0].result = { name: "result", value: "ok" };
    const text = checkExamples(document)
      .map((p) => `${p.where} ${p.field} ${p.message}`)
      .join("\n");
    expect(text).toContain("a notification the server sends has neither a result nor an x-error");
  });
});
