import type { ExampleModel, MethodModel } from "../model.js";
import { isIdentifierName } from "../names.js";

/** The params of an example as the method receives them (by name, or by position). */
export function exampleParams(
  example: ExampleModel,
  method: MethodModel,
): Record<string, unknown> | unknown[] {
  const byName: Record<string, unknown> = {};
  for (const p of example.params)
    Object.defineProperty(byName, p.name, {
      value: p.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  if (method.paramStructure !== "by-position") return byName;
  const list = method.params.map((p) => byName[p.name]);
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return list;
}

/** The example's params by name, for a call of the generated function. */
export function exampleNamedParams(example: ExampleModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of example.params)
    Object.defineProperty(out, p.name, {
      value: p.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** A JSON value as a JavaScript literal (identifier keys unquoted), on one line when it fits. */
export function exampleLiteral(value: unknown, width = 80, indent = ""): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((v) => ({ key: "", value: v }))
    : Object.entries(value).map(([k, v]) => ({
        key: `${isIdentifierName(k) && k !== "__proto__" ? k : JSON.stringify(k)}: `,
        value: v,
      }));
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const flat = `${open}${entries.map((e) => e.key + exampleLiteral(e.value, Number.POSITIVE_INFINITY)).join(", ")}${close}`;
  if (indent.length + flat.length <= width) return flat;
  const lines = entries.map((e) => `${inner}${e.key}${exampleLiteral(e.value, width, inner)},`);
  return `${open.trim()}\n${lines.join("\n")}\n${indent}${close.trim()}`;
}

const maxResultLines = 12;
const maxParamLines = 12;
const maxString = 80;

/** A value with long strings cut (`"0x6080...` + `…`), so one example stays readable. */
function shorten(value: unknown): unknown {
  if (typeof value === "string")
    return value.length > maxString ? `${value.slice(0, maxString - 1)}…` : value;
  if (Array.isArray(value)) return value.map(shorten);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, {
        value: shorten(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

/** At most `max` lines, the rest replaced by one `...` line (and the closing line kept). */
function capLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), "  // ...", lines.at(-1)!];
}

/**
 * An example pairing as the body of a TSDoc `@example`: the call of the generated function with
 * the example's params (or of `receiver`'s method, `client.ethChainId()`), and the result it
 * resolves with (or the error it rejects with).
 */
export function transformExample(
  example: ExampleModel,
  method: MethodModel,
  errorClass: (code: number) => string | undefined,
  receiver?: string,
): string {
  const params = exampleNamedParams(example);
  const hasParams = Object.keys(params).length > 0;
  const args = hasParams
    ? capLines(exampleLiteral(shorten(params), 60).split("\n"), maxParamLines).join("\n")
    : "";
  const call = receiver
    ? `await ${receiver}.${method.key}(${args})`
    : `await ${method.key}(transport${hasParams ? `, ${args}` : ""})`;
  const lines = ["```ts"];
  if (example.error) {
    const name = errorClass(example.error.code);
    lines.push(
      `${call};`,
      `// rejects with ${name ?? "RpcError"}: ${example.error.code} ${example.error.message}${example.error.data === undefined ? "" : `, data ${JSON.stringify(example.error.data)}`}`,
    );
  } else {
    lines.push(`const result = ${call};`);
    if (example.result) {
      const text = exampleLiteral(shorten(example.result.value), 70).split("\n");
      const shown = text.length > maxResultLines ? [...text.slice(0, maxResultLines), "..."] : text;
      lines.push(...shown.map((line, i) => (i === 0 ? `// => ${line}` : `//    ${line}`)));
    }
  }
  lines.push("```");
  return lines.join("\n");
}
