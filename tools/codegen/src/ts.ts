/**
 * The AST vocabulary of the generator: small constructors over `ts.factory` for the type nodes
 * every transform builds, and one printer. Transforms never write TypeScript text by hand.
 */
import { ts } from "ts-morph";
import { isIdentifierName } from "./names.js";

const f = ts.factory;
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
const scratch = ts.createSourceFile(
  "scratch.ts",
  "",
  ts.ScriptTarget.Latest,
  false,
  ts.ScriptKind.TS,
);

export type TypeNode = ts.TypeNode;
export type Member = ts.TypeElement;

/** Prints a node as TypeScript text (4-space indents; the file formatter re-indents). */
export function print(node: ts.Node): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, scratch);
}

const keywords = {
  string: ts.SyntaxKind.StringKeyword,
  number: ts.SyntaxKind.NumberKeyword,
  boolean: ts.SyntaxKind.BooleanKeyword,
  unknown: ts.SyntaxKind.UnknownKeyword,
  never: ts.SyntaxKind.NeverKeyword,
  void: ts.SyntaxKind.VoidKeyword,
  undefined: ts.SyntaxKind.UndefinedKeyword,
  object: ts.SyntaxKind.ObjectKeyword,
} as const;

/** A keyword type: `string`, `unknown`, ... */
export function tsKeyword(name: keyof typeof keywords): TypeNode {
  return f.createKeywordTypeNode(keywords[name]);
}

/** A literal type of a JSON value; objects and arrays become their structural type. */
export function tsLiteral(value: unknown): TypeNode {
  if (value === null) return f.createLiteralTypeNode(f.createNull());
  if (typeof value === "string") return f.createLiteralTypeNode(f.createStringLiteral(value));
  if (typeof value === "boolean")
    return f.createLiteralTypeNode(value ? f.createTrue() : f.createFalse());
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return tsKeyword("number");
    const abs = f.createNumericLiteral(Math.abs(value));
    return f.createLiteralTypeNode(
      value < 0 || Object.is(value, -0)
        ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, abs)
        : abs,
    );
  }
  if (Array.isArray(value)) return tsTuple(value.map((v) => ({ type: tsLiteral(v) })));
  if (typeof value === "object") {
    return tsObject(Object.entries(value).map(([k, v]) => tsProperty(k, tsLiteral(v))));
  }
  return tsKeyword("unknown");
}

/** A reference to a named type. */
export function tsRef(name: string, args?: TypeNode[]): TypeNode {
  return f.createTypeReferenceNode(name, args);
}

function flatten(kind: ts.SyntaxKind, types: TypeNode[]): TypeNode[] {
  const out: TypeNode[] = [];
  const seen = new Set<string>();
  for (const t of types) {
    const parts = t.kind === kind ? [...(t as ts.UnionTypeNode).types] : [t];
    for (const part of parts) {
      const text = print(part);
      if (!seen.has(text)) {
        seen.add(text);
        out.push(part);
      }
    }
  }
  return out;
}

function isKeyword(t: TypeNode, kind: ts.SyntaxKind): boolean {
  return t.kind === kind;
}

function wrap(t: TypeNode): TypeNode {
  return ts.isUnionTypeNode(t) || ts.isIntersectionTypeNode(t) || ts.isFunctionTypeNode(t)
    ? f.createParenthesizedType(t)
    : t;
}

/** `A | B`, flattened and deduplicated; `unknown` absorbs, `never` drops out. */
export function tsUnion(types: TypeNode[]): TypeNode {
  const all = flatten(ts.SyntaxKind.UnionType, types);
  if (all.some((t) => isKeyword(t, ts.SyntaxKind.UnknownKeyword))) return tsKeyword("unknown");
  const members = all.filter((t) => !isKeyword(t, ts.SyntaxKind.NeverKeyword));
  if (members.length === 0) return tsKeyword("never");
  return members.length === 1
    ? members[0]!
    : f.createUnionTypeNode(members.map((t) => (ts.isFunctionTypeNode(t) ? wrap(t) : t)));
}

/** `A & B`, flattened and deduplicated; `unknown` drops out, `never` absorbs. */
export function tsIntersection(types: TypeNode[]): TypeNode {
  const all = flatten(ts.SyntaxKind.IntersectionType, types);
  if (all.some((t) => isKeyword(t, ts.SyntaxKind.NeverKeyword))) return tsKeyword("never");
  const members = all.filter((t) => !isKeyword(t, ts.SyntaxKind.UnknownKeyword));
  if (members.length === 0) return tsKeyword("unknown");
  return members.length === 1 ? members[0]! : f.createIntersectionTypeNode(members.map(wrap));
}

/** `T[]`. */
export function tsArray(type: TypeNode): TypeNode {
  return f.createArrayTypeNode(wrap(type));
}

/** `[A, B?, ...C[]]`. */
export function tsTuple(
  elements: { type: TypeNode; optional?: boolean }[],
  rest?: TypeNode,
): TypeNode {
  const nodes: ts.TypeNode[] = elements.map((e) =>
    e.optional ? f.createOptionalTypeNode(wrap(e.type)) : e.type,
  );
  if (rest) nodes.push(f.createRestTypeNode(tsArray(rest)));
  return ts.setEmitFlags(f.createTupleTypeNode(nodes), ts.EmitFlags.SingleLine);
}

/** `{ members }`; `singleLine` prints a small one on one line. */
export function tsObject(members: Member[], singleLine = false): TypeNode {
  const node = f.createTypeLiteralNode(members);
  return singleLine ? ts.setEmitFlags(node, ts.EmitFlags.SingleLine) : node;
}

/** A property name: an identifier when it can be one, else a string literal. */
export function tsPropertyName(name: string): ts.PropertyName {
  return isIdentifierName(name) ? f.createIdentifier(name) : f.createStringLiteral(name);
}

/** `name?: type` with an optional doc comment. */
export function tsProperty(
  name: string,
  type: TypeNode,
  options: { optional?: boolean; readonly?: boolean; doc?: string | undefined } = {},
): Member {
  const node = f.createPropertySignature(
    options.readonly ? [f.createModifier(ts.SyntaxKind.ReadonlyKeyword)] : undefined,
    tsPropertyName(name),
    options.optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    type,
  );
  return withDoc(node, options.doc);
}

/** `[key: string]: type`. */
export function tsIndexSignature(type: TypeNode, doc?: string): Member {
  const node = f.createIndexSignature(
    undefined,
    [f.createParameterDeclaration(undefined, undefined, "key", undefined, tsKeyword("string"))],
    type,
  );
  return withDoc(node, doc);
}

const wrapWidth = 96;

/** Breaks a long Markdown line at spaces; continuation lines keep a list item's indentation. */
function wrapLine(line: string): string[] {
  if (line.length <= wrapWidth || /^\s*(\||#|<|```)/.test(line)) return [line];
  const marker = /^(\s*(?:[-*+]|\d+[.)])?\s*)/.exec(line)![1]!;
  const indent = " ".repeat(marker.length);
  const out: string[] = [];
  let current = marker;
  for (const word of line.slice(marker.length).split(" ")) {
    if (current.trim() !== "" && current.length + 1 + word.length > wrapWidth) {
      out.push(current);
      current = indent + word;
    } else {
      current = current.trim() === "" ? current + word : `${current} ${word}`;
    }
  }
  out.push(current);
  return out;
}

/**
 * Text for a `/** *\/` comment: no comment terminator, no accidental block tags, long lines
 * wrapped (outside code fences).
 */
export function docEscape(text: string): string {
  const escaped = text.replace(/\*\//g, "*\\/").replace(/^(\s*)@/gm, "$1\\@");
  let fenced = false;
  return escaped
    .split("\n")
    .flatMap((line) => {
      if (/^\s*```/.test(line)) fenced = !fenced;
      return fenced ? [line] : wrapLine(line);
    })
    .join("\n");
}

/** The body of a JSDoc comment (between `/**` and `*\/`) for the given text. */
export function docBody(text: string): string {
  if (!text.includes("\n")) return `* ${text} `;
  return `*\n${text
    .split("\n")
    .map((line) => (line === "" ? " *" : ` * ${line}`))
    .join("\n")}\n `;
}

/** Attaches a JSDoc comment (already escaped text) to a node. */
export function withDoc<T extends ts.Node>(node: T, doc: string | undefined): T {
  if (doc === undefined || doc.trim() === "") return node;
  return ts.addSyntheticLeadingComment(
    node,
    ts.SyntaxKind.MultiLineCommentTrivia,
    docBody(doc),
    true,
  );
}

const exported = [f.createModifier(ts.SyntaxKind.ExportKeyword)];

/** `export interface Name { members }`, or `export type Name = type` when the type is no object literal. */
export function tsDeclaration(name: string, type: TypeNode, doc?: string): ts.Statement {
  const node = ts.isTypeLiteralNode(type)
    ? f.createInterfaceDeclaration(exported, name, undefined, undefined, type.members)
    : f.createTypeAliasDeclaration(exported, name, undefined, type);
  return withDoc(node, doc);
}

/** A property name in an object literal; `__proto__` is computed so it stays an own property. */
export function tsObjectKey(name: string): ts.PropertyName {
  if (name === "__proto__") return f.createComputedPropertyName(f.createStringLiteral(name));
  return isIdentifierName(name) ? f.createIdentifier(name) : f.createStringLiteral(name);
}

/** An expression for a JSON value (`undefined` members left out); objects with nested data span lines. */
export function tsValue(value: unknown): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === "string") return f.createStringLiteral(value);
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (typeof value === "number") {
    const abs = f.createNumericLiteral(Math.abs(value));
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, abs) : abs;
  }
  if (Array.isArray(value)) {
    return f.createArrayLiteralExpression(
      value.map(tsValue),
      value.some((v) => typeof v === "object" && v !== null),
    );
  }
  if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    const nested = entries.some(
      ([, v]) => typeof v === "object" && v !== null && (!Array.isArray(v) || v.length > 0),
    );
    return f.createObjectLiteralExpression(
      entries.map(([k, v]) => f.createPropertyAssignment(tsObjectKey(k), tsValue(v))),
      nested || entries.length > 4,
    );
  }
  return f.createIdentifier("undefined");
}

/** `export const name = value`, optionally `as const` and `satisfies type`. */
export function tsConst(
  name: string,
  value: ts.Expression,
  options: { asConst?: boolean; satisfies?: TypeNode; type?: TypeNode; doc?: string } = {},
): ts.Statement {
  let init = value;
  if (options.asConst) init = f.createAsExpression(init, f.createTypeReferenceNode("const"));
  if (options.satisfies) init = f.createSatisfiesExpression(init, options.satisfies);
  const statement = f.createVariableStatement(
    exported,
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, options.type, init)],
      ts.NodeFlags.Const,
    ),
  );
  return withDoc(statement, options.doc);
}

/** `import type { a, b } from "module"` (names sorted), or nothing when there are none. */
export function tsImport(names: readonly string[], from: string, typeOnly = true): ts.Statement[] {
  if (names.length === 0) return [];
  const specifiers = [...new Set(names)].sort().map((n) => {
    // `a as b` imports `a` under the local name `b`.
    const [name, local] = n.split(" as ") as [string, string | undefined];
    return local
      ? f.createImportSpecifier(false, f.createIdentifier(name), f.createIdentifier(local))
      : f.createImportSpecifier(false, undefined, f.createIdentifier(name));
  });
  return [
    f.createImportDeclaration(
      undefined,
      f.createImportClause(
        typeOnly ? ts.SyntaxKind.TypeKeyword : undefined,
        undefined,
        f.createNamedImports(specifiers),
      ),
      f.createStringLiteral(from),
    ),
  ];
}

/** `export { a, b } from "module"` / `export type { ... }`, names in the order given. */
export function tsReexport(
  names: readonly string[],
  from: string,
  typeOnly: boolean,
): ts.Statement[] {
  if (names.length === 0) return [];
  return [
    f.createExportDeclaration(
      undefined,
      typeOnly,
      f.createNamedExports(names.map((n) => f.createExportSpecifier(false, undefined, n))),
      f.createStringLiteral(from),
    ),
  ];
}

const modifiers = (...kinds: ts.ModifierSyntaxKind[]) => kinds.map((k) => f.createModifier(k));

/** A class property: `static override readonly code = 11030`. */
export function tsClassProperty(
  name: string,
  value: ts.Expression,
  options: {
    static?: boolean;
    override?: boolean;
    readonly?: boolean;
    type?: TypeNode;
    doc?: string;
  } = {},
): ts.ClassElement {
  const kinds: ts.ModifierSyntaxKind[] = [];
  if (options.static) kinds.push(ts.SyntaxKind.StaticKeyword);
  if (options.override) kinds.push(ts.SyntaxKind.OverrideKeyword);
  if (options.readonly) kinds.push(ts.SyntaxKind.ReadonlyKeyword);
  return withDoc(
    f.createPropertyDeclaration(modifiers(...kinds), name, undefined, options.type, value),
    options.doc,
  );
}

/** A parameter `name?: type`. */
export function tsParameter(
  name: string,
  type: TypeNode,
  optional = false,
): ts.ParameterDeclaration {
  return f.createParameterDeclaration(
    undefined,
    undefined,
    name,
    optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    type,
  );
}

/** A constructor whose body is `super(...args)`. */
export function tsSuperConstructor(
  parameters: ts.ParameterDeclaration[],
  args: ts.Expression[],
): ts.ClassElement {
  const call = f.createExpressionStatement(
    f.createCallExpression(f.createSuper(), undefined, args),
  );
  return f.createConstructorDeclaration(undefined, parameters, f.createBlock([call], true));
}

/** `export class Name extends Base { members }`. */
export function tsClass(
  name: string,
  base: string,
  members: ts.ClassElement[],
  doc?: string,
): ts.Statement {
  const heritage = f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [
    f.createExpressionWithTypeArguments(f.createIdentifier(base), undefined),
  ]);
  return withDoc(f.createClassDeclaration(exported, name, undefined, [heritage], members), doc);
}

/** An identifier expression. */
export function tsId(name: string): ts.Identifier {
  return f.createIdentifier(name);
}

const compactPrinter = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: true });

/** Prints a node on one line without comments (for tables in the Markdown reference). */
export function printCompact(node: ts.Node): string {
  return compactPrinter
    .printNode(ts.EmitHint.Unspecified, node, scratch)
    .replace(/\s+/g, " ")
    .replace(/; }/g, " }");
}

/**
 * Prints a declaration with 2-space indents and without `export` (for code blocks in Markdown),
 * a union alias too long for one line with one member a line, as Markdown formatters print it.
 */
export function printSnippet(node: ts.Node, width = 100): string {
  const text = print(node)
    .replace(/^((?: {4})+)/gm, (run) => " ".repeat(run.length / 2))
    .replace(/^export /m, "");
  if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return text;
  const last = text.slice(text.lastIndexOf("\n") + 1);
  if (last.length <= width || last.includes("\n")) return text;
  const head = text.slice(0, text.length - last.length);
  const members = node.type.types.map((t) => `  | ${print(t)}`).join("\n");
  return `${head}type ${node.name.text} =\n${members};`;
}
