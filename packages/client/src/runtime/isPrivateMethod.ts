import type { MethodAuthTable } from "./MethodAuthTable.js";

/**
 * Whether a method needs credentials, as the spec's `x-auth` says in the generated method table
 * (not its name). A leading slash (the HTTP path form) is ignored; a method the table does not
 * know is public, so credentials never go out with it.
 */
export function isPrivateMethod(table: MethodAuthTable, method: string): boolean {
  const name = method.charCodeAt(0) === 47 /* "/" */ ? method.slice(1) : method;
  return table[name]?.auth?.private === true;
}
