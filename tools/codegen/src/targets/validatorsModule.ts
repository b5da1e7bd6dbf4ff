import { Ajv } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText } from "../renderModule.js";
import { resolvePointer } from "../resolveRef.js";
import { print, tsImport, tsObjectKey } from "../ts.js";
import { ajvRuntime } from "./ajvRuntime.js";
import { componentId, documentId, paramsSchema, validatorSchema } from "./validatorSchema.js";

// A CommonJS module whose `module.exports` is the function and whose `default` is too; `.default`
// works under Node's ESM loader and bundlers alike.
const standaloneCode = (
  standaloneModule as unknown as { default: (ajv: Ajv, refs: Record<string, string>) => string }
).default;

/**
 * Methods compiled per ajv run: one run of 20,000 overflowed ajv's stack and was quadratic, and
 * chunks of 1,000 peaked at 0.9-1.1 GB for 20,000 methods against 0.8 GB for chunks of 250.
 */
export const validatorChunk = 250;

/**
 * Compiles each method's params schema with ajv into standalone code (no schema compilation at
 * start-up), with ajv's runtime helpers inlined so the module imports nothing at run time. Past
 * {@link validatorChunk} methods, each chunk is compiled alone into its own function scope.
 */
export function compileValidators(ctx: Context): { parts: string[]; exports: Map<string, string> } {
  const helpers = new Set<string>();
  const exports = new Map<string, string>();
  // Each chunk's code waits as UTF-8 bytes outside the JavaScript heap: on the heap, 100 MB of
  // finished chunks grew the live set that V8 sizes its next collection by (about four times it).
  const chunks: Buffer[] = [];
  const count = Math.ceil(ctx.methods.length / validatorChunk) || 1;
  for (let c = 0; c < count; c++) {
    const slice = ctx.methods.slice(c * validatorChunk, (c + 1) * validatorChunk);
    const chunk = compileChunk(ctx, slice, helpers);
    if (count === 1) {
      chunks.push(Buffer.from(indentCode(chunk.code)));
      for (const [name, fn] of chunk.exports) exports.set(name, fn);
      continue;
    }
    const fns = [...new Set(chunk.exports.values())];
    chunks.push(
      Buffer.from(
        indentCode(
          `const chunk${c} = (() => {\n${chunk.code}\nreturn { ${fns.join(", ")} };\n})();`,
        ),
      ),
    );
    for (const [name, fn] of chunk.exports) exports.set(name, `chunk${c}.${fn}`);
  }
  const prelude = [...helpers].sort().map((id) => ajvRuntime[id]!.code);
  // The code is the parts joined by blank lines; `validatorsModule` joins them once, into the file.
  return { parts: [...prelude, ...chunks.map((b) => b.toString())], exports };
}

function compileChunk(
  ctx: Context,
  methods: Context["methods"],
  helpers: Set<string>,
): { code: string; exports: Map<string, string> } {
  const document = ctx.document;
  const resolvable = (ref: string) => resolvePointer(document, ref) !== undefined;
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true },
    strict: false,
    allErrors: false,
    validateFormats: false,
    validateSchema: false,
    // A `$ref` compiles to a call of the one function of its target, not a copy of it per use:
    // inlined, a chain of component refs grew the code per method with the chain's length.
    inlineRefs: false,
  });
  const components = document.components ?? {};
  const strip = (map: unknown) =>
    Object.fromEntries(
      Object.entries((map ?? {}) as Record<string, { schema?: unknown }>).map(([k, v]) => [
        k,
        validatorSchema(v as never, resolvable),
      ]),
    );
  const descriptors = Object.fromEntries(
    Object.entries(
      (components.contentDescriptors ?? {}) as Record<string, { schema?: unknown }>,
    ).map(([k, v]) => [k, { schema: validatorSchema((v.schema ?? true) as never, resolvable) }]),
  );
  const root: Record<string, unknown> = {
    $id: documentId,
    components: { schemas: strip(components.schemas), contentDescriptors: descriptors },
  };
  for (const key of ["definitions", "$defs"]) if (document[key]) root[key] = strip(document[key]);
  ajv.addSchema(root);
  for (const [key, schema] of Object.entries(
    (components.schemas ?? {}) as Record<string, unknown>,
  )) {
    const stripped = validatorSchema(schema as never, resolvable);
    const body = typeof stripped === "boolean" ? { allOf: [stripped] } : stripped;
    ajv.addSchema({ ...(body as object), $id: componentId(encodeURIComponent(key)) });
  }
  const refs: Record<string, string> = {};
  methods.forEach((method, i) => {
    const id = `openrpc:params/${i}`;
    ajv.addSchema({
      $id: id,
      ...(paramsSchema(method, ctx.options.unknownParams, resolvable) as object),
    });
    refs[`params${i}`] = id;
  });
  let code: string = standaloneCode(ajv, refs);
  const exports = new Map<string, string>();
  code = code.replace(/^export const params(\d+) = (\w+);\n/gm, (_, i: string, fn: string) => {
    exports.set(methods[Number(i)]!.name, fn);
    return "";
  });
  code = code.replace(/^"use strict";\n?/, "");
  code = code.replace(/require\("([^"]+)"\)\.default/g, (_, id: string) => {
    const helper = ajvRuntime[id];
    if (!helper)
      throw new Error(
        `the ajv standalone code needs ${id}, which the generator cannot inline yet.`,
      );
    helpers.add(id);
    return helper.name;
  });
  code = dropUnused(code);
  if (/\brequire\(/.test(code))
    throw new Error("the ajv standalone code still calls require(); it would not load as ESM.");
  return { code, exports };
}

/**
 * Indents ajv's code (one statement a line, no indentation) by brace depth; string literals are
 * skipped, and ajv writes no template or regular-expression literals.
 */
export function indentCode(code: string): string {
  let depth = 0;
  return code
    .split("\n")
    .map((raw) => {
      const line = raw.trim();
      let opens = 0;
      let closesFirst = 0;
      let quote: string | undefined;
      let leading = true;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quote) {
          if (c === "\\") i++;
          else if (c === quote) quote = undefined;
          continue;
        }
        if (c === '"' || c === "'" || c === "`") quote = c;
        else if (c === "{" || c === "(" || c === "[") opens++;
        else if (c === "}" || c === ")" || c === "]") {
          if (leading && opens === 0) closesFirst++;
          else opens--;
        }
        if (c !== "}" && c !== ")" && c !== "]" && c !== " ") leading = false;
      }
      depth = Math.max(0, depth - closesFirst);
      const out = line === "" ? "" : "  ".repeat(depth) + line;
      depth = Math.max(0, depth + opens);
      return out;
    })
    .join("\n");
}

/** Drops the schema constants ajv declares but the code never reads (most of them). */
function dropUnused(code: string): string {
  // Every `schemaN` counted in one pass: a search of the whole chunk per constant was a quarter
  // of the server target's time at 20,000 methods.
  const uses = new Map<string, number>();
  for (const [name] of code.matchAll(/\bschema\d+\b/g)) uses.set(name, (uses.get(name) ?? 0) + 1);
  return code.replace(/^const (schema\d+) = .*;\n/gm, (line, name: string) =>
    (uses.get(name) ?? 0) > 1 ? line : "",
  );
}

/** `validators.ts`: the compiled validators and a record of them by method name. */
export function validatorsModule(ctx: Context): GeneratedFile {
  const { parts, exports } = compileValidators(ctx);
  const entries = ctx.methods.map(
    (m) => `  ${print(tsObjectKey(m.name))}: ${exports.get(m.name)},`,
  );
  const imports = tsImport(["ParamValidator"], ctx.options.runtime);
  const preamble = [
    "// @ts-nocheck: ajv standalone code, compiled from the spec's param schemas; the export below is typed.",
  ];
  return moduleText(
    "validators.ts",
    ctx.options.header,
    imports,
    [
      ...parts,
      `/**\n * One params validator per method name: checks the by-name params object against the method's\n * param schemas (${ctx.options.unknownParams === "reject" ? "a param the method does not declare is an error" : "params the method does not declare are ignored"}). The reasons of a failure are in \`errors\`.\n */\nexport const validators: Readonly<Record<string, ParamValidator>> = {\n${entries.join("\n")}\n};`,
    ],
    preamble,
  );
}
