import { describe, expect, test } from "vitest";
import { createContext } from "../context.js";
import { readDocument } from "../document.js";
import { print } from "../ts.js";
import { methodDoc, transformMethod } from "./method.js";

const document = readDocument({
  openrpc: "1.3.2",
  info: { title: "t", version: "1" },
  methods: [
    {
      name: "private/close_position",
      summary: "Closes a position.",
      description: "Places one reduce-only order.",
      params: [
        { name: "instrument_name", required: true, schema: { type: "string" } },
        { name: "price", schema: { type: "string" } },
      ],
      result: { name: "result", schema: { $ref: "#/components/schemas/Result" } },
      errors: [
        { $ref: "#/components/errors/OtherReject" },
        { code: -32602, message: "Invalid params" },
      ],
      "x-auth": { private: true, scope: "trade:read_write" },
      "x-matching-engine": true,
    },
    { name: "public/ping", params: [] },
  ],
  components: {
    schemas: { Result: { type: "object", properties: { ok: { type: "boolean" } } } },
    errors: { OtherReject: { code: 11030, message: "other_reject" } },
  },
});

describe("transformMethod: method -> XParameters, XReturnType, XErrorCode", () => {
  const ctx = createContext(document, { target: "server" });
  const cases: [method: number, want: string[]][] = [
    [
      0,
      [
        "/** The params of `private/close_position`, by name. */\nexport interface ClosePositionParameters {\n    instrument_name: string;\n    price?: string;\n}",
        "/** The result of `private/close_position`. */\nexport type ClosePositionReturnType = Result;",
        "/** The error codes `private/close_position` declares. */\nexport type ClosePositionErrorCode = 11030 | -32602;",
      ],
    ],
    [
      1,
      [
        "/** The params of `public/ping`, by name. */\nexport type PingParameters = Record<string, never>;",
        "/** The result of `public/ping`. */\nexport type PingReturnType = void;",
        "/** The error codes `public/ping` declares. */\nexport type PingErrorCode = never;",
      ],
    ],
  ];
  test.each(cases)("method %i", (index, want) => {
    expect(transformMethod(ctx.methods[index]!, ctx).map(print)).toEqual(want);
  });

  test("the method model reads x-auth and x-matching-engine, defaulting to public and false", () => {
    expect(
      ctx.methods.map((m) => [m.key, m.auth, m.matchingEngine, m.errors.map((e) => e.className)]),
    ).toEqual([
      [
        "closePosition",
        { private: true, scope: "trade:read_write" },
        true,
        ["OtherRejectError", "InvalidParamsError"],
      ],
      ["ping", { private: false }, false, []],
    ]);
  });

  test("methodDoc: summary, description, auth, link, errors, example", () => {
    expect(
      methodDoc(ctx.methods[0]!, "spec/docs", "```ts\nawait closePosition(transport);\n```"),
    ).toMatchInlineSnapshot(`
      "Closes a position.

      Places one reduce-only order.

      JSON-RPC method \`private/close_position\`; private (scope \`trade:read_write\`); goes through the matching engine.

      @see spec/docs/methods/private/close_position.md
      @throws OtherRejectError \`11030\` other_reject
      @throws InvalidParamsError \`-32602\` Invalid params
      @example
      \`\`\`ts
      await closePosition(transport);
      \`\`\`"
    `);
  });
});
