import { IndentationText, Project, QuoteKind, type SourceFile, type ts } from "ts-morph";
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
 * Printed AST statements, a blank line between them, as the module body without a ts-morph
 * file (parsing the text of 20,000 declarations back into an AST cost most of the memory).
 */
export function nodesText(nodes: readonly ts.Node[]): string {
  return reindent(nodes.map(print).join("\n\n"));
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

/** A module's text: header (and preamble comments), imports, then the body. */
export function moduleText(
  path: string,
  header: string,
  imports: readonly ts.Statement[],
  body: string,
  preamble: readonly string[] = [],
): GeneratedFile {
  const head = [`// ${header}`, ...preamble].join("\n");
  const importText = imports.map((s) => wrapNamedList(print(s))).join("\n");
  const parts = [head, importText, body.replace(/\n{3,}/g, "\n\n").trim()].filter(
    (part) => part !== "",
  );
  return { path, content: `${parts.join("\n\n")}\n` };
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
  const file = scratchProject().createSourceFile(`/${path}`, "", { overwrite: true });
  try {
    build(file);
    return moduleText(path, header, imports, file.getFullText(), preamble);
  } finally {
    file.delete();
  }
}
