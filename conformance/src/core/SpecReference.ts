/**
 * Where in the OpenRPC document a check's rule is written. `pointer` is a JSON pointer into
 * the method object when `method` is given, else into the whole document.
 */
export interface SpecReference {
  method?: string;
  pointer: string;
  note?: string;
}

/** A reference into a method of the spec, e.g. `specRef("private/close_position", "/x-reject-reasons")`. */
export function specRef(method: string | undefined, pointer: string, note?: string): SpecReference {
  const ref: SpecReference = { pointer };
  if (method !== undefined) ref.method = method;
  if (note !== undefined) ref.note = note;
  return ref;
}

/** One line: `private/close_position#/errors (11030)` or `openrpc.json#/x-response-envelope`. */
export function formatSpecReference(ref: SpecReference): string {
  const where = `${ref.method ?? "openrpc.json"}#${ref.pointer}`;
  return ref.note === undefined ? where : `${where} (${ref.note})`;
}
