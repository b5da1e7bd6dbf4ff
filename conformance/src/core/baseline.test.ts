import { describe, expect, it } from "vitest";
import { applyBaseline, parseBaseline } from "./baseline.js";
import type { CheckResult } from "./CheckResult.js";

const result = (
  id: string,
  status: CheckResult["status"],
  more: Partial<CheckResult> = {},
): CheckResult => ({
  id,
  status,
  description: id,
  method: "*",
  scenario: "s",
  transport: "http",
  specReferences: [],
  details: "",
  ...more,
});

describe("parseBaseline", () => {
  it("reads ids, subjects, transports and comments", () => {
    expect(
      parseBaseline(
        "# expected\nclose-order-shape@ws  # ticket 3\n\nfixture-replay:private/cancel/unknown-order\n",
      ),
    ).toEqual([
      { text: "close-order-shape@ws", id: "close-order-shape", transport: "ws", line: 2 },
      {
        text: "fixture-replay:private/cancel/unknown-order",
        id: "fixture-replay",
        subject: "private/cancel/unknown-order",
        line: 4,
      },
    ]);
  });
  it("says which line it could not read", () => {
    expect(() => parseBaseline("ok\nnot ok here\n")).toThrow(
      'could not read baseline line 2. Expected "<check-or-scenario>[:<subject>][@http|@ws]", but got "not ok here"',
    );
  });
});

describe("applyBaseline", () => {
  it("expects listed failures, and an entry whose checks now pass is stale", () => {
    const results = [
      result("a", "failed"),
      result("b", "failed"),
      result("c", "passed"),
      result("a", "failed", { transport: "ws" }),
    ];
    const outcome = applyBaseline(results, parseBaseline("a@http\nc\nnever-ran\n"));
    expect(outcome.expected.map((r) => `${r.id}@${r.transport}`)).toEqual(["a@http"]);
    expect(outcome.unexpected.map((r) => `${r.id}@${r.transport}`)).toEqual(["b@http", "a@ws"]);
    expect(outcome.stale.map((e) => e.text)).toEqual(["c"]);
  });
});
