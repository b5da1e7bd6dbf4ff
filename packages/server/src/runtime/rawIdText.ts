const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * The text of the top-level `"id"` member's value in a JSON-RPC request that `JSON.parse` already
 * accepted (the last one when the key repeats, as `JSON.parse` keeps the last, whatever escapes
 * spell the key), or undefined.
 * For echoing a numeric id exactly: `JSON.parse` rounds integers beyond 2^53
 * (`12345678901234567890` would come back as `12345678901234567000`).
 */
export function rawIdText(text: string): string | undefined {
  const n = text.length;
  let i = 0;
  const skipSpace = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  /** Moves past the string that starts at i (a quote); returns its raw contents. */
  const skipString = (): string => {
    const start = ++i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i += 2;
      else if (c === QUOTE) break;
      else i++;
    }
    return text.slice(start, i++);
  };
  /** Moves past the value that starts at i. */
  const skipValue = (): void => {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      skipString();
      return;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) {
          skipString();
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) {
            i++;
            return;
          }
        }
        i++;
      }
      return;
    }
    // A number or a literal: up to the next separator.
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === COMMA || d === CLOSE_BRACE || isSpace(d)) break;
      i++;
    }
  };
  skipSpace();
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined;
  i++;
  let found: string | undefined;
  for (;;) {
    skipSpace();
    if (text.charCodeAt(i) !== QUOTE) return found;
    // A key may be written with escapes ("\u0069d" is "id" to JSON.parse): compare it decoded.
    const raw = skipString();
    const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    skipSpace();
    if (text.charCodeAt(i) !== COLON) return found;
    i++;
    skipSpace();
    const start = i;
    skipValue();
    if (key === "id") found = text.slice(start, i);
    skipSpace();
    if (text.charCodeAt(i) !== COMMA) return found;
    i++;
  }
}
