import type { Scenario } from "../core/Scenario.js";
import { allChecks } from "../core/Selection.js";
import { formatSpecReference } from "../core/SpecReference.js";

/** `--list`: every check with its method, description, spec references and scenarios; then the scenarios. */
export function listChecks(scenarios: ReadonlyMap<string, Scenario>): string[] {
  const out: string[] = [];
  const checks = allChecks(scenarios);
  out.push(`${checks.length} checks:`, "");
  for (const c of checks) {
    const usedBy = [...scenarios.values()].filter((s) => s.checks.includes(c)).map((s) => s.name);
    out.push(`${c.id}  [${c.method === "*" ? "protocol" : c.method}]`);
    out.push(`    ${c.description}`);
    out.push(`    spec: ${c.specReferences.map(formatSpecReference).join("; ")}`);
    out.push(`    scenarios: ${usedBy.join(", ")}`);
  }
  out.push("", `${scenarios.size} scenarios (run in this order):`, "");
  for (const s of scenarios.values()) out.push(`${s.name.padEnd(28)} ${s.description}`);
  return out;
}
