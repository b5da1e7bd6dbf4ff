import { reservedWords } from "./names.js";

/**
 * The module-level names of one generated target. Names are claimed in a fixed order, so the
 * same document always gets the same names: a reserved word (or a name the generated modules
 * use themselves) gets a `_` suffix, a name already taken gets the next free number.
 */
export class NameRegistry {
  readonly #used = new Set<string>();
  readonly #reserved: ReadonlySet<string>;

  constructor(fixedNames: Iterable<string> = []) {
    this.#reserved = new Set([...reservedWords, ...fixedNames]);
  }

  /** Whether `name` is free to claim as it is. */
  isFree(name: string): boolean {
    return !this.#used.has(name) && !this.#reserved.has(name);
  }

  /** Claims the first free candidate, else the first one with the lowest free number appended. */
  claim(...candidates: [string, ...string[]]): string {
    const safe = candidates.map((c) => (this.#reserved.has(c) ? `${c}_` : c));
    let name = safe.find((c) => !this.#used.has(c));
    for (let n = 2; name === undefined; n++) {
      if (!this.#used.has(`${safe[0]}${n}`)) name = `${safe[0]}${n}`;
    }
    this.#used.add(name);
    return name;
  }
}
