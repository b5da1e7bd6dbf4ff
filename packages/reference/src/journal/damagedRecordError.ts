import { DataDirError } from "./DataDirError.js";
import type { ScanProblem } from "./scanRecords.js";

const SHOWN_BYTES = 300;

/** What a damaged record's bytes say, as far as they can be read: the command, if they parse. */
function describe(payload: Buffer): string {
  const text = payload.toString("utf8");
  try {
    return `they parse as the command ${JSON.stringify(JSON.parse(text))}`;
  } catch {
    const shown = text.length > SHOWN_BYTES ? `${text.slice(0, SHOWN_BYTES)}...` : text;
    return `they do not parse; as text they read ${JSON.stringify(shown)}`;
  }
}

/**
 * The refusal for a complete last record that fails its check: it was written whole, so it may
 * have been acknowledged, and cutting it could drop an answered order. Names the file, the byte
 * offset, the record and command number, what the bytes say, and how to cut it on purpose.
 */
export function damagedRecordError(
  path: string,
  problem: Extract<ScanProblem, { kind: "damaged" }>,
  command: number,
): DataDirError {
  const { offset, record, cut, payload, reason } = problem;
  return new DataDirError(
    `journal ${path}: the last record, record ${record} of the file (counted from 0; command ${command} of the data dir) at byte ${offset}, is complete but damaged (${reason}). A crash leaves only an incomplete last record, so this one was written whole and may have been acknowledged: refusing to start rather than drop it. Its ${cut - 8} payload bytes: ${describe(payload)}. To start without that command, back the data dir up and cut the file to ${offset} bytes (truncate -s ${offset} ${path}); otherwise restore the data dir from a backup`,
  );
}
