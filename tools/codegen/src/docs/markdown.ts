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

/** A pipe table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
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

/** A page: the header comment, then the sections, blank lines between, one newline at the end. */
export function page(header: string, sections: readonly (string | undefined | false)[]): string {
  const body = sections
    .filter((s): s is string => typeof s === "string" && s.trim() !== "")
    .map((s) => s.trim());
  return `<!-- ${header.replace(/-->/g, "- ->")} -->\n\n${body.join("\n\n")}\n`;
}
