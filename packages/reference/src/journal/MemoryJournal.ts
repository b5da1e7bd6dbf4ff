import type { Command } from "@unwind/engine";
import type { Journal } from "./Journal.js";

/**
 * A journal that keeps nothing durable (`--in-memory`): every flush is immediate. With `retain`
 * it keeps the commands, e.g. for a test that replays them.
 */
export class MemoryJournal implements Journal {
  readonly commands: Command[] = [];
  /** Commands appended, retained or not. */
  count = 0;
  readonly #retain: boolean;

  constructor(options: { retain?: boolean } = {}) {
    this.#retain = options.retain ?? false;
  }

  append(command: Command): void {
    this.count++;
    if (this.#retain) this.commands.push(structuredClone(command));
  }

  flush(): undefined {
    return undefined;
  }

  async close(): Promise<void> {}
}
