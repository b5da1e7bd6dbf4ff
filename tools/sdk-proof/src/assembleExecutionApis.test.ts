import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { assembleExecutionApis } from "./assembleExecutionApis.js";

const makefile = `SPECFLAGS := -schemas 'src/schemas' \\
\t-methods 'src/eth' \\
\t-methods 'src/debug' \\
\t-error-groups 'src/error-groups'
`;

const base = JSON.stringify({
  openrpc: "1.4.1",
  info: { title: "T", version: "0.0.0" },
  methods: [],
  components: { schemas: {} },
});

/** A checkout laid out as ethereum/execution-apis's: the Makefile, base-doc.json, YAML under src/. */
function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "execution-apis-"));
  const all = { Makefile: makefile, "tools/internal/specgen/base-doc.json": base, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const sources = {
  "src/eth/state.yaml": `- name: eth_getBalance
  params: []
  result: { name: Balance, schema: { $ref: '#/components/schemas/uint' } }
  error-groups:
    - $ref: '#/components/error-groups/Standard'
  errors:
    - { code: -32602, message: inline wins }
- name: eth_chainId
  params: []
  result: { name: Chain ID, schema: { $ref: '#/components/schemas/uint' } }
`,
  "src/debug/getters.yaml": `- name: debug_getRawBlock
  params: []
  result: { name: Block, schema: { type: string, description: "a <b> & c" } }
`,
  "src/schemas/base.yaml": `uint:
  type: string
  pattern: '^0x[0-9a-f]+$'
`,
  "src/error-groups/standard.yaml": `Standard:
  range: { min: -32768, max: -32000 }
  errors:
    - { code: -32700, message: Parse error }
    - { code: -32602, message: Invalid params }
`,
};

describe("assembleExecutionApis", () => {
  test("sorts methods and keys, merges schemas and resolves error groups after inline errors", () => {
    const doc = JSON.parse(assembleExecutionApis(checkout(sources)));
    expect(Object.keys(doc)).toEqual(["components", "info", "methods", "openrpc"]);
    expect(doc.methods.map((m: { name: string }) => m.name)).toEqual([
      "debug_getRawBlock",
      "eth_chainId",
      "eth_getBalance",
    ]);
    expect(doc.methods[2]).toEqual({
      errors: [
        { code: -32602, message: "inline wins" },
        { code: -32700, message: "Parse error" },
      ],
      name: "eth_getBalance",
      params: [],
      result: { name: "Balance", schema: { $ref: "#/components/schemas/uint" } },
    });
    expect(doc.components.schemas).toEqual({ uint: { pattern: "^0x[0-9a-f]+$", type: "string" } });
  });

  test("writes Go's json.MarshalIndent text: two spaces, HTML characters escaped, no final newline", () => {
    const text = assembleExecutionApis(checkout(sources));
    expect(text).toContain('"description": "a \\u003cb\\u003e \\u0026 c"');
    expect(text.startsWith('{\n  "components": {\n    "schemas": {')).toBe(true);
    expect(text.endsWith("}")).toBe(true);
  });

  test("rejects a method defined twice, as specgen does", () => {
    const twice = { ...sources, "src/debug/again.yaml": "- name: eth_chainId\n  params: []\n" };
    expect(() => assembleExecutionApis(checkout(twice))).toThrow(
      "method eth_chainId already defined",
    );
  });

  test("rejects a group error whose code is outside the group's range", () => {
    const outside = {
      ...sources,
      "src/error-groups/standard.yaml":
        "Standard:\n  range: { min: 800, max: 999 }\n  errors:\n    - { code: 1000, message: x }\n",
    };
    expect(() => assembleExecutionApis(checkout(outside))).toThrow(
      "error code 1000 out of range [800, 999] for group Standard",
    );
  });

  test("says what it expected of a Makefile without SPECFLAGS", () => {
    expect(() => assembleExecutionApis(checkout({ Makefile: "build:\n\tgo run .\n" }))).toThrow(
      /Expected -methods '<dir>' and -schemas '<dir>' flags, but got 0 and 0/,
    );
  });
});
