import type { ExampleModel, MethodModel } from "../model.js";

/** The params of an example as the method receives them (by name, or by position). */
export function exampleParams(example: ExampleModel, method: MethodModel): Record<string, unknown> | unknown[] {
  const byName: Record<string, unknown> = {};
  for (const p of example.params) Object.defineProperty(byName, p.name, { value: p.value, enumerable: true, writable: true, configurable: true });
  if (method.paramStructure !== "by-position") return byName;
  const list = method.params.map((p) => byName[p.name]);
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return list;
}

/** The example's params by name, for a call of the generated function. */
export function exampleNamedParams(example: ExampleModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of example.params) Object.defineProperty(out, p.name, { value: p.value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** JSON text of a value, on one line when it is short, else indented. */
export function exampleJson(value: unknown, width = 80): string {
  const flat = JSON.stringify(value);
  return flat === undefined ? "undefined" : flat.length <= width ? flat : JSON.stringify(value, null, 2);
}

const maxResultLines = 12;

/**
 * An example pairing as the body of a TSDoc `@example`: the call of the generated function with
 * the example's params, and the result it resolves with (or the error it rejects with).
 */
export function transformExample(example: ExampleModel, method: MethodModel, errorClass: (code: number) => string | undefined): string {
  const params = exampleNamedParams(example);
  const hasParams = Object.keys(params).length > 0;
  const call = `await ${method.key}(transport${hasParams ? `, ${exampleJson(params, 60)}` : ""})`;
  const lines = ["```ts"];
  if (example.error) {
    const name = errorClass(example.error.code);
    lines.push(`${call};`, `// rejects with ${name ?? "RpcError"}: ${example.error.code} ${example.error.message}${example.error.data === undefined ? "" : `, data ${JSON.stringify(example.error.data)}`}`);
  } else {
    lines.push(`const result = ${call};`);
    if (example.result) {
      const text = exampleJson(example.result.value, 70).split("\n");
      const shown = text.length > maxResultLines ? [...text.slice(0, maxResultLines), "..."] : text;
      lines.push(...shown.map((line, i) => (i === 0 ? `// => ${line}` : `//    ${line}`)));
    }
  }
  lines.push("```");
  return lines.join("\n");
}
