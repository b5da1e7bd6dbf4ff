import type { CheckDefinition } from "./defineCheck.js";
import type { Scenario } from "./Scenario.js";

/** `--only` / `--skip`: scenario names or check ids. */
export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
}

/** Whether a scenario runs under a selection: named itself or through one of its checks. */
export function scenarioSelected(scenario: Scenario, selection: Selection): boolean {
  if (selection.skip?.includes(scenario.name)) return false;
  const only = selection.only ?? [];
  if (only.length === 0) return true;
  return only.includes(scenario.name) || scenario.checks.some((c) => only.includes(c.id));
}

/** Whether a check result of a selected scenario is kept. */
export function checkSelected(scenario: Scenario, checkId: string, selection: Selection): boolean {
  if (selection.skip?.includes(checkId)) return false;
  const only = selection.only ?? [];
  if (only.length === 0 || only.includes(scenario.name)) return true;
  return only.includes(checkId);
}

/** Ids in a selection that name no scenario and no check: a usage error. */
export function unknownIds(
  ids: readonly string[],
  scenarios: ReadonlyMap<string, Scenario>,
): string[] {
  const known = new Set<string>();
  for (const s of scenarios.values()) {
    known.add(s.name);
    for (const c of s.checks) known.add(c.id);
  }
  return ids.filter((id) => !known.has(id));
}

/** Every distinct check of the scenarios, in registration order. */
export function allChecks(scenarios: ReadonlyMap<string, Scenario>): CheckDefinition[] {
  const seen = new Map<string, CheckDefinition>();
  for (const s of scenarios.values())
    for (const c of s.checks) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()];
}
