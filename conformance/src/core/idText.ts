// Independent on purpose: the suite judges servers, the reference included, so it does not borrow
// the server's `rawIdText`. A fault shared by the judge and the judged would pass unseen. This is
// a separate reading (a small recursive-descent JSON scanner that checks what it reads), not a copy.

const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in a string
const STRING = /"(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  /** Matches a sticky pattern here and moves past it; the matched text, or undefined. */
  take(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const m = pattern.exec(this.text);
    if (m === null) return undefined;
    this.at = pattern.lastIndex;
    return m[0];
  }

  space(): void {
    this.take(WS);
  }

  /** Consumes one character when it is `c`. */
  eat(c: string): boolean {
    if (this.text[this.at] !== c) return false;
    this.at++;
    return true;
  }

  /** A member's key and its colon; the decoded key, or undefined. */
  key(): string | undefined {
    this.space();
    const key = this.take(STRING);
    if (key === undefined) return undefined;
    this.space();
    return this.eat(":") ? (JSON.parse(key) as string) : undefined;
  }

  /**
   * Moves past one JSON value; false when there is none here. Nesting is kept on a list, not on
   * the call stack: a hostile answer nested 100 000 deep is read like any other.
   */
  value(): boolean {
    const closers: string[] = [];
    for (;;) {
      this.space();
      const c = this.text[this.at];
      if (c === "{" || c === "[") {
        this.at++;
        this.space();
        const closer = c === "{" ? "}" : "]";
        if (!this.eat(closer)) {
          closers.push(closer);
          if (closer === "}" && this.key() === undefined) return false;
          continue;
        }
      } else if (
        this.take(STRING) === undefined &&
        this.take(NUMBER) === undefined &&
        this.take(LITERAL) === undefined
      ) {
        return false;
      }
      // A value ended: close what it ends, up to the next member or item.
      for (;;) {
        if (closers.length === 0) return true;
        this.space();
        if (this.eat(",")) {
          if (closers.at(-1) === "}" && this.key() === undefined) return false;
          break;
        }
        if (!this.eat(closers.pop()!)) return false;
      }
    }
  }

  /** Moves past an object, telling `seen` each member's decoded key and raw value text. */
  members(seen: (key: string, raw: string) => void): boolean {
    this.at++;
    this.space();
    if (this.eat("}")) return true;
    do {
      const key = this.key();
      if (key === undefined) return false;
      this.space();
      const start = this.at;
      if (!this.value()) return false;
      seen(key, this.text.slice(start, this.at));
      this.space();
    } while (this.eat(","));
    return this.eat("}");
  }
}

/**
 * The raw text of the top-level `"id"` member of a JSON object, as written (`12345678901234567890`
 * stays digit for digit, where `JSON.parse` would round it), or undefined when the text is not a
 * JSON object or has no `id`. A key spelled with escapes counts once decoded, and the last of
 * repeated keys wins, as with `JSON.parse`.
 *
 * @example
 * idText('{"jsonrpc":"2.0","id":12345678901234567890}') // "12345678901234567890"
 */
export function idText(text: string): string | undefined {
  const scanner = new Scanner(text);
  scanner.space();
  if (text[scanner.at] !== "{") return undefined;
  let id: string | undefined;
  const ok = scanner.members((key, raw) => {
    if (key === "id") id = raw;
  });
  scanner.space();
  return ok && scanner.at === text.length ? id : undefined;
}
