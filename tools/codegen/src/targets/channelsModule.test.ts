import { describe, expect, test } from "vitest";
import { channelNameType, channelRegexSource, patternParts } from "../channels.js";
import { generate } from "../generate.js";
import { typeCheck } from "../typeCheck.test-helpers.js";

/** A tiny document: two channels (one `$ref` data, one inline), a notification the server sends. */
const document = {
  openrpc: "1.3.2",
  info: { title: "tiny", version: "1.0.0" },
  methods: [
    {
      name: "subscribe",
      params: [{ name: "channels", schema: { type: "array", items: { type: "string" } } }],
      result: { name: "result", schema: { type: "array", items: { type: "string" } } },
    },
    { name: "ping", params: [] },
    {
      name: "subscription",
      "x-sent-by": "server",
      params: [
        { name: "channel", required: true, schema: { type: "string" } },
        { name: "data", required: true, schema: {} },
      ],
    },
  ],
  components: {
    schemas: {
      Tick: {
        title: "Tick",
        type: "object",
        required: ["price"],
        properties: { price: { type: "string" } },
      },
    },
  },
  "x-channels": [
    {
      name: "ticker.{instrument}.{interval}",
      private: false,
      summary: "Ticks of an instrument.",
      params: [
        { name: "instrument", schema: { type: "string" } },
        { name: "interval", schema: { type: "string" } },
      ],
      data: { $ref: "#/components/schemas/Tick" },
    },
    {
      name: "user.balance",
      private: true,
      params: [],
      data: { type: "object", properties: { total: { type: "integer" } }, required: ["total"] },
    },
  ],
};

const usage = `
import { type ChannelTable, channelTable } from "./index.js";
type Name<K extends keyof ChannelTable> = ChannelTable[K]["name"];
export const a: Name<"ticker.{instrument}.{interval}"> = "ticker.BTC.raw";
// @ts-expect-error the literal parts of the pattern are part of the type
export const b: Name<"ticker.{instrument}.{interval}"> = "tick.BTC.raw";
export const c: ChannelTable["ticker.{instrument}.{interval}"]["data"] = { price: "1" };
export const d: ChannelTable["user.balance"]["data"]["total"] = 3;
export const e: true = true satisfies ChannelTable["user.balance"]["private"];
export const f: boolean = channelTable[0]!.regex.test("x");
`;

describe("channels.ts from x-channels", () => {
  test("both targets write it, typed by the channels' data, and it type-checks", () => {
    const outputs = (["client", "server"] as const).map((target) => ({
      name: "channels",
      target,
      files: [...generate(document, { target }), { path: "usage-channels.ts", content: usage }],
    }));
    expect(typeCheck(outputs)).toEqual([]);
    const server = outputs[1]!.files.find((f) => f.path === "channels.ts")!.content;
    expect(server).toContain('import type { Tick, UserBalanceData } from "./types.js";');
    expect(server).toContain(
      '  "ticker.{instrument}.{interval}": {\n    readonly name: `ticker.$' +
        "{string}.$" +
        "{string}`;\n    readonly private: false;\n    readonly data: Tick;\n  };",
    );
    expect(server).toContain("    regex: /^ticker\\.([^.\\s]+)\\.([^.\\s]+)$/,");
    const types = outputs[1]!.files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain("export interface UserBalanceData {");
    for (const { files } of outputs)
      expect(files.find((f) => f.path === "index.ts")!.content).toContain("channelTable");
  });

  test("the regex matches concrete names only, a capture group per placeholder", async () => {
    const server = generate(document, { target: "server" }).find((f) => f.path === "channels.ts")!;
    const source = /regex: (\/.*\/),/.exec(server.content)![1]!;
    const regex = new Function(`return ${source}`)() as RegExp;
    expect(regex.exec("ticker.BTC-PERPETUAL.raw")?.slice(1)).toEqual(["BTC-PERPETUAL", "raw"]);
    expect(regex.test("ticker.BTC.raw.extra")).toBe(false);
    expect(regex.test("ticker..raw")).toBe(false);
  });

  test("a notification the server sends is typed, but has no client function and no handler", () => {
    const server = generate(document, { target: "server" });
    const handlers = server.find((f) => f.path === "handlers.ts")!.content;
    const methods = server.find((f) => f.path === "methods.ts")!.content;
    expect(handlers).not.toMatch(/^\s+subscription\(/m);
    expect(methods).not.toContain('"subscription"');
    // A notification the client sends (no result, no x-sent-by) stays a handler.
    expect(handlers).toMatch(/^\s+ping\(/m);
    const client = generate(document, { target: "client" });
    expect(client.find((f) => f.path === "client.ts")!.content).not.toContain(
      "export function subscription(",
    );
    expect(client.find((f) => f.path === "types.ts")!.content).toContain(
      "export interface SubscriptionParameters {",
    );
  });

  test("documents without x-channels get no channels.ts", () => {
    const { "x-channels": _, ...plain } = document;
    expect(generate(plain, { target: "server" }).map((f) => f.path)).not.toContain("channels.ts");
  });
});

describe("pattern helpers", () => {
  const s = "$" + "{string}";
  test.each([
    ["book.{instrument_name}.raw", `\`book.${s}.raw\``, "/^book\\.([^.\\s]+)\\.raw$/"],
    ["{a}", `\`${s}\``, "/^([^.\\s]+)$/"],
    ["a/b`c", "`a/b\\`c`", "/^a\\/b`c$/"],
  ])("%s", (pattern, type, regex) => {
    expect(channelNameType(pattern)).toBe(type);
    expect(channelRegexSource(pattern)).toBe(regex);
  });

  test("patternParts splits literals and placeholders", () => {
    expect(patternParts("x.{a}.{b}")).toEqual({
      literals: ["x.", ".", ""],
      placeholders: ["a", "b"],
    });
  });
});
