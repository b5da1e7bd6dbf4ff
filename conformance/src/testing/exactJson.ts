import { idText } from "../core/idText.js";

/** How {@link exactJson} lays out the text. */
export interface JsonLayout {
  /** Indentation, as `JSON.stringify`'s third argument (default none). */
  space?: number;
  /** Every object's members in reverse order (default: as they are). */
  reverseKeys?: boolean;
}

const RAW_ID = "\u0001raw id\u0001";

function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

/**
 * An answer as JSON text, with a numeric `id` written as the request wrote it (so that one beyond
 * 2^53 comes back digit for digit, as a correct server echoes it) and the layout asked for.
 *
 * @example
 * exactJson({ id: 12345678901234567000, result: 1 }, '{"id":12345678901234567890}', { space: 2 });
 */
export function exactJson(answer: unknown, request: string, layout: JsonLayout = {}): string {
  let value = layout.reverseKeys ? reversed(answer) : answer;
  let raw: string | undefined;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>)["id"];
    const text = typeof id === "number" ? idText(request) : undefined;
    if (text !== undefined && /^-?[0-9]/.test(text) && Number(text) === id) {
      raw = text;
      value = { ...(value as Record<string, unknown>), id: RAW_ID };
    }
  }
  const json = JSON.stringify(value, null, layout.space);
  return raw === undefined ? json : json.replace(JSON.stringify(RAW_ID), raw);
}
