/**
 * The data directory cannot be recovered without losing acknowledged commands (a corrupt record
 * in the middle of the journal, a corrupt snapshot, a missing segment): the server refuses to start.
 */
export class DataDirError extends Error {
  override readonly name = "DataDirError";
  /** The CLI's exit code for it. */
  static readonly exitCode = 3;
}
