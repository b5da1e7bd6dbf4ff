/** A problem with how the CLI was called, or a server it cannot reach: exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
