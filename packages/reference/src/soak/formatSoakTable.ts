import type { SoakResult } from "./SoakResult.js";

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`;

/** The soak results as a plain-text table, then each load's notes. */
export function formatSoakTable(results: readonly SoakResult[]): string {
  const rows = [
    ["load", "answered", "peak RSS", "end RSS", "lost acknowledged"],
    ...results.map((r) => [
      r.name,
      String(r.answered),
      mib(r.rssMaxBytes),
      mib(r.rssEndBytes),
      String(r.lostAcknowledged),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of results) for (const note of r.notes) lines.push(`${r.name}: ${note}`);
  return `${lines.join("\n")}\n`;
}
