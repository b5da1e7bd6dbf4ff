import { IndentationText, Project, QuoteKind, type SourceFile, ts } from "ts-morph";
import type { GeneratedFile } from "./GenerateOptions.js";
import { print } from "./ts.js";

let project: Project | undefined;

function scratchProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
    },
  });
  return project;
}

/** The printer indents by 4; the generated files indent by 2. */
function reindent(text: string): string {
  return text.replace(/^((?: {4})+)/gm, (run) => " ".repeat(run.length / 2));
}

/**
 * One printed AST statement, 2-space indented. The text is a flat string (a regular expression
 * replaced it), not the printer's chain of concatenations, which took twice the memory.
 */
export function declarationText(node: ts.Node): string {
  return reindent(print(node));
}

/**
 * Printed AST statements (or statements printed already, as the printer prints them: see
 * {@link printedListText}), a blank line between them, as the module body without a ts-morph
 * file (parsing the text of 20,000 declarations back into an AST cost most of the memory).
 */
export function nodesText(nodes: readonly (ts.Node | string)[]): string {
  return reindent(nodes.map((n) => (typeof n === "string" ? n : print(n))).join("\n\n"));
}

/**
 * Items per printed or ts-morph batch: the AST of one batch is alive at a time. Mutable for the
 * tests, which prove that any size gives the same text.
 */
export const batching = { size: 500 };

/**
 * Prints `statement` with the braced list that holds only the name `placeholder` (an object
 * literal `{ placeholder }`, an interface's `{ placeholder: never }`) replaced by a long list built a
 * batch at a time: `list(batch)` makes the multi-line object literal (elements joined by `,`) or
 * type literal (members end in `;`) of one batch, printed alone, and the batches' inner lines
 * are joined. Same text as the whole list printed in one node, without its AST: for 20,000
 * method descriptors that AST and its printing took 400 MB.
 */
export function printedListText<T>(
  statement: ts.Node,
  placeholder: string,
  items: readonly T[],
  list: (batch: readonly T[]) => ts.ObjectLiteralExpression | ts.TypeLiteralNode,
): string {
  const outer = print(statement);
  const at = outer.lastIndexOf(placeholder);
  const open = outer.lastIndexOf("{", at);
  const close = outer.indexOf("}", at);
  if (at < 0 || open < 0 || close < 0)
    throw new Error(`printedListText: no braced ${placeholder} in the statement.`);
  let text: string;
  if (items.length <= batching.size) {
    const node = list(items);
    // The type list stands for an interface's body, which the printer writes `{\n}` when empty.
    text = items.length === 0 && ts.isTypeLiteralNode(node) ? "{\n}" : print(node);
  } else {
    const inner: string[] = [];
    let separator = "\n";
    for (let i = 0; i < items.length; i += batching.size) {
      const node = list(items.slice(i, i + batching.size));
      if (ts.isObjectLiteralExpression(node)) separator = ",\n";
      // "{\n" + lines + "\n}": the lines, whose indentation is the same in one node or many.
      inner.push(print(node).slice(2, -2));
    }
    text = `{\n${inner.join(separator)}\n}`;
  }
  return `${outer.slice(0, open)}${text}${outer.slice(close + 1)}`;
}

/** Adds printed AST statements to a file, a blank line between them. */
export function addNodes(file: SourceFile, nodes: readonly ts.Node[]): void {
  if (nodes.length > 0) file.addStatements(reindent(nodes.map(print).join("\n\n")));
}

const maxLine = 100;

/** `import { a, b } from "x";` longer than a line: one name a line, trailing commas. */
function wrapNamedList(line: string): string {
  const match = /^((?:import|export)(?: type)? )\{ (.*) \}( from ".*";)$/.exec(line);
  if (!match || line.length <= maxLine) return line;
  const names = match[2]!.split(", ");
  return `${match[1]}{\n${names.map((n) => `  ${n},`).join("\n")}\n}${match[3]}`;
}

/**
 * A body given in parts, as `parts.join("\n\n")` normalised (runs of blank lines made one, the
 * ends trimmed) without joining them: each part normalised alone, with the newlines at its ends
 * (which the join would have merged into one blank line) cut and the parts that are then empty
 * left out, and the whitespace at the ends of the whole body trimmed.
 */
function bodyParts(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const trimmed = collapse(part).replace(/^\n+/, "").replace(/\n+$/, "");
    if (trimmed !== "") out.push(trimmed);
  }
  while (out.length > 0 && out[0]!.trimStart() === "") out.shift();
  if (out.length > 0) out[0] = out[0]!.trimStart();
  while (out.length > 0 && out.at(-1)!.trimEnd() === "") out.pop();
  if (out.length > 0) out[out.length - 1] = out.at(-1)!.trimEnd();
  return out;
}

/** Runs of blank lines made one. */
function collapse(text: string): string {
  // Searched first: a replace that matches nothing still copies 100 MB of validators.
  return /\n{3,}/.test(text) ? text.replace(/\n{3,}/g, "\n\n") : text;
}

/**
 * A module's text: header (and preamble comments), imports, then the body. A body in parts
 * (`string[]`) gives the same text as the parts joined by a blank line, copied once instead of
 * three times (a 100 MB `validators.ts` was held four times over at its end).
 */
export function moduleText(
  path: string,
  header: string,
  imports: readonly ts.Statement[],
  body: string | readonly string[],
  preamble: readonly string[] = [],
): GeneratedFile {
  const head = [`// ${header}`, ...preamble].join("\n");
  const importText = imports.map((s) => wrapNamedList(print(s))).join("\n");
  const parts = [head, importText, ...bodyParts(typeof body === "string" ? [body] : body)].filter(
    (part) => part !== "",
  );
  const content = `${parts.join("\n\n")}\n`;
  // V8 keeps the subject of the last regular expression match alive (RegExp.lastMatch): a
  // match on an empty string lets the body go now, not at some later match.
  /^/.test("");
  return { path, content };
}

/** ts-morph's text of what `build` adds to an empty scratch file, which is dropped afterwards. */
export function scratchText(build: (file: SourceFile) => void): string {
  const file = scratchProject().createSourceFile("/scratch.ts", "", { overwrite: true });
  try {
    build(file);
    return file.getFullText();
  } finally {
    file.delete();
  }
}

/**
 * ts-morph's text of `items` added by `add` a batch at a time, each batch to its own scratch
 * file: ts-morph parses a file back into an AST after each addition, and for 20,000 functions
 * that AST held most of a gigabyte. The batches' texts, in order.
 */
export function batchedTexts<T>(
  items: readonly T[],
  add: (file: SourceFile, batch: readonly T[]) => void,
): string[] {
  const texts: string[] = [];
  for (let i = 0; i < items.length; i += batching.size) {
    texts.push(scratchText((file) => add(file, items.slice(i, i + batching.size))));
  }
  return texts;
}

/**
 * ts-morph's text of an interface of many members, added a batch of members at a time (see
 * {@link batchedTexts}): the first batch with the interface's docs and modifiers, the members
 * of every other batch cut from a bare `interface Name {` ... `}`, in which ts-morph writes them
 * alike.
 */
export function batchedInterfaceText<T>(
  members: readonly T[],
  add: (file: SourceFile, batch: readonly T[], first: boolean) => void,
): string {
  const pieces: string[] = [];
  for (let i = 0; i === 0 || i < members.length; i += batching.size) {
    const batch = members.slice(i, i + batching.size);
    const piece = scratchText((file) => add(file, batch, i === 0));
    pieces.push(i === 0 ? piece : piece.slice(piece.indexOf("{\n") + 2, piece.lastIndexOf("}")));
  }
  const first = pieces[0]!;
  const close = first.lastIndexOf("}");
  pieces[0] = first.slice(0, close);
  pieces.push(first.slice(close));
  return pieces.join("");
}

/**
 * Builds a TypeScript module in a scratch ts-morph project and returns its text under the header
 * comment, imports first. The text is formatted as written: the TypeScript printer for AST nodes
 * and ts-morph's writer for structures, both with 2-space indents (running the language
 * service formatter over the whole file would cost most of the generation time).
 */
export function renderModule(
  path: string,
  header: string,
  imports: readonly ts.Statement[],
  build: (file: SourceFile) => void,
  preamble: readonly string[] = [],
): GeneratedFile {
  return moduleText(path, header, imports, scratchText(build), preamble);
}
