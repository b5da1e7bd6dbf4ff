import { expect, test } from "vitest";
import { generate } from "../generate.js";

const document = (paramStructure?: string) => ({
  openrpc: "1.3.2",
  info: { title: "t", version: "1.0.0" },
  methods: [
    {
      name: "eth_getBalance",
      ...(paramStructure ? { paramStructure } : {}),
      params: [
        { name: "address", required: true, schema: { type: "string" } },
        { name: "block", schema: { type: "string" } },
      ],
      result: { name: "balance", schema: { type: "string" } },
    },
  ],
});
const call = (files: { path: string; content: string }[]) =>
  /return transport\.request\("eth_getBalance", (.*), options\)/.exec(
    files.find((f) => f.path === "client.ts")!.content,
  )![1];

test.each([
  [
    "either (OpenRPC's default, not written)",
    undefined,
    {},
    'trimTrailingUndefined([params["address"], params["block"]])',
  ],
  ["either", "either", {}, 'trimTrailingUndefined([params["address"], params["block"]])'],
  ["by-position", "by-position", {}, 'trimTrailingUndefined([params["address"], params["block"]])'],
  ["by-name", "by-name", {}, "params"],
  ["either with --either-params by-name", "either", { eitherParams: "by-name" as const }, "params"],
  [
    "by-position with --either-params by-name",
    "by-position",
    { eitherParams: "by-name" as const },
    'trimTrailingUndefined([params["address"], params["block"]])',
  ],
])("the client sends %s params as the document says", (_, structure, options, want) => {
  expect(call(generate(document(structure), { target: "client", ...options }))).toBe(want);
});

test("a method without a result (OpenRPC 1.3+, read from a 1.4 document) is sent as a notification", () => {
  const doc = {
    ...document("by-name"),
    openrpc: "1.4.0",
    methods: [
      { name: "log", params: [{ name: "line", required: true, schema: { type: "string" } }] },
    ],
  };
  const client = generate(doc, { target: "client" }).find((f) => f.path === "client.ts")!.content;
  expect(client).toContain('import { notify } from "@unwind/client/runtime";');
  expect(client).toContain(
    'return notify(transport, "log", trimTrailingUndefined([params["line"]]), options);',
  );
  expect(client).toContain("): Promise<LogReturnType> {");
});
