import { IndentationText, Project, QuoteKind, type SourceFile, ts } from "ts-morph";
import type { GeneratedFile } from "./GenerateOptions.js";
import { print } from "./ts.js";

let project: Project | undefined;

function scratchProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  return project;
}

/** Adds printed AST statements to a file, a blank line between them. */
export function addNodes(file: SourceFile, nodes: readonly ts.Node[]): void {
  if (nodes.length > 0) file.addStatements(nodes.map(print).join("\n\n"));
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
 * Builds a TypeScript module in a scratch ts-morph project and returns its text, formatted by
 * the TypeScript formatter (2-space indents, semicolons), under the header comment, imports first.
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
    file.formatText({
      indentSize: 2,
      tabSize: 2,
      convertTabsToSpaces: true,
      semicolons: ts.SemicolonPreference.Insert,
      insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
    });
    const body = file.getFullText().replace(/\n{3,}/g, "\n\n").trim();
    const head = [`// ${header}`, ...preamble].join("\n");
    const importText = imports.map((s) => wrapNamedList(print(s))).join("\n");
    return { path, content: `${[head, importText, body].filter((part) => part !== "").join("\n\n")}\n` };
  } finally {
    file.delete();
  }
}
