/** Whether granted scopes cover a needed one: an exact grant, or `x:read_write` for `x:read`. */
export function hasScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  return needed.endsWith(":read") && granted.includes(needed.slice(0, -5) + ":read_write");
}
