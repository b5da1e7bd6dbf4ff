/**
 * Identifier vocabulary: words of a name, camelCase and PascalCase, and the reserved words a
 * generated identifier must avoid. Every name the generator writes goes through here.
 */

/** ECMAScript reserved words, strict-mode reserved words, and names strict code cannot bind. */
export const reservedWords: ReadonlySet<string> = new Set([
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "undefined",
  "var",
  "void",
  "while",
  "with",
  "yield",
  // TypeScript type names a declaration would shadow or that cannot name a type.
  "any",
  "never",
  "unknown",
  "object",
  "string",
  "number",
  "boolean",
  "symbol",
  "bigint",
  "Array",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "Map",
  "Number",
  "Object",
  "Partial",
  "Pick",
  "Omit",
  "Promise",
  "PromiseLike",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "Required",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "Exclude",
  "Extract",
  "NonNullable",
  "Parameters",
  "ReturnType",
  "Awaited",
  "Uppercase",
  "Lowercase",
  "Capitalize",
  "Uncapitalize",
]);

const separator = /[^\p{ID_Continue}]+|_+/u;
const upper = /^\p{Lu}+$/u;

/** The words of a name: split at every character that cannot continue an identifier, and at `_`. */
export function words(name: string): string[] {
  return name.split(separator).filter((w) => w !== "");
}

function capitalize(word: string): string {
  const normal = upper.test(word) && word.length > 1 ? word.toLowerCase() : word;
  return normal.charAt(0).toUpperCase() + normal.slice(1);
}

/** Lower-cases a leading acronym: `HTTPGet` -> `httpGet`, `URL` -> `url`, `Get` -> `get`. */
function lowerFirst(word: string): string {
  if (upper.test(word)) return word.toLowerCase();
  const run = /^\p{Lu}*/u.exec(word)![0].length;
  const cut = run > 1 ? run - 1 : run;
  return word.slice(0, cut).toLowerCase() + word.slice(cut);
}

function startIdentifier(text: string): string {
  if (text === "") return "_";
  return /^\p{ID_Start}/u.test(text) ? text : `_${text}`;
}

/** camelCase of a name: `close_position` -> `closePosition`, `eth.getBalance` -> `ethGetBalance`. */
export function camelCase(name: string): string {
  const [first = "", ...rest] = words(name);
  return startIdentifier(lowerFirst(first) + rest.map(capitalize).join(""));
}

/** PascalCase of a name: `close position` -> `ClosePosition`, `pet_store` -> `PetStore`. */
export function pascalCase(name: string): string {
  return startIdentifier(words(name).map(capitalize).join(""));
}

/** Whether `text` can be written as a property name without quotes. */
export function isIdentifierName(text: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(text);
}
