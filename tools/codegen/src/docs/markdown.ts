/** The Markdown vocabulary of the docs target. */

/** Text for one table cell: one line, pipes escaped. */
export function cell(text: string | undefined): string {
  return (text ?? "")
    .replace(/\r?\n+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const ticks = "`".repeat(
    (text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0) + 1,
  );
  return ticks.length > 1 || text.startsWith("`") ? `${ticks} ${text} ${ticks}` : `\`${text}\``;
}

/** A GitHub-style heading anchor. */
export function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** A pipe table, columns padded to one width (as Markdown formatters print them). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) =>
    Math.max(3, [...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** A fenced code block. */
export function fence(language: string, text: string): string {
  const longest = (text.match(/^`{3,}/gm) ?? []).reduce((n, run) => Math.max(n, run.length), 2);
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}\n${text}\n${ticks}`;
}

/** The path from one docs page to another, both relative to the docs directory. */
export function relativeLink(from: string, to: string): string {
  const depth = from.split("/").length - 1;
  return `${"../".repeat(depth)}${to}`;
}

/**
 * Markdown prose as formatters print it: runs of spaces inside a line (outside code spans and
 * fenced blocks) become one.
 */
export function prose(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let fenced = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || /^\s*(```|~~~)/.test(line)) return line;
      const indent = /^\s*/.exec(line)![0];
      const body = line.slice(indent.length).split(/(`+[^`]*`+)/);
      // The end of a part before a code span is not the end of the line (a hard break).
      const squeeze = (part: string, last: boolean) =>
        part.replace(last ? /(\S) {2,}(?=\S)/g : /(\S) {2,}(?=\S|$)/g, "$1 ");
      return (
        indent + body.map((p, i) => (i % 2 === 1 ? p : squeeze(p, i === body.length - 1))).join("")
      );
    })
    .join("\n");
}

/** A page: the header comment, then the sections, blank lines between, one newline at the end. */
export function page(header: string, sections: readonly (string | undefined | false)[]): string {
  const body = sections
    .filter((s): s is string => typeof s === "string" && s.trim() !== "")
    .map((s) => s.trim());
  return `<!-- ${header.replace(/-->/g, "- ->")} -->\n\n${body.join("\n\n")}\n`;
}

const jsonWidth = 100;

/**
 * JSON as Markdown formatters print it: objects one member a line, arrays on one line when they
 * hold no objects and fit in 100 columns, else one element a line.
 */
export function prettyJson(value: unknown, indent = "", prefixWidth = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = flatArray(value);
    if (flat !== undefined && indent.length + prefixWidth + flat.length < jsonWidth) return flat;
    return `[\n${value.map((v) => `${inner}${prettyJson(v, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return `${inner}${key}${prettyJson(v, inner, key.length + 1)}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

function flatArray(value: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const v of value) {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return undefined;
    const part = Array.isArray(v) ? (v.length === 0 ? "[]" : flatArray(v)) : JSON.stringify(v);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return `[${parts.join(", ")}]`;
}
