import type { NameRegistry } from "./NameRegistry.js";
import { camelCase } from "./names.js";

/**
 * The key of each method (its `Handlers` member and client function): camelCase of the last
 * `/`-segment of its name, unless two methods would get the same key; then every method of that
 * clash uses camelCase of its full name. What still clashes gets a number, in document order.
 */
export function methodKeys(names: readonly string[], registry: NameRegistry): string[] {
  const short = names.map((name) => camelCase(name.slice(name.lastIndexOf("/") + 1)));
  const count = new Map<string, number>();
  for (const key of short) count.set(key, (count.get(key) ?? 0) + 1);
  return names.map((name, i) => {
    const key = count.get(short[i]!)! > 1 ? camelCase(name) : short[i]!;
    return registry.claim(key);
  });
}
