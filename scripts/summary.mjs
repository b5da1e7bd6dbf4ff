// Prints one closing line over every package's vitest JSON report: "unwind: N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const roots = [
  "spec",
  "conformance",
  ...["packages", "tools"].flatMap((d) =>
    existsSync(d) ? readdirSync(d).map((p) => join(d, p)) : [],
  ),
];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const root of roots) {
  const file = join(root, ".reports", "vitest.json");
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`unwind: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
