/** Whether a method needs credentials: the family's `private/` prefix (with or without a leading slash). */
export function isPrivateMethod(method: string): boolean {
  return method.startsWith("private/") || method.startsWith("/private/");
}
