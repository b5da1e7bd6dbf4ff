import type { Command, Journal as EngineJournal } from "@unwind/engine";

/**
 * The journal an engine is built with, pointed at the real one once recovery has replayed the
 * data dir (replayed commands must not be journaled again).
 */
export class JournalSwitch implements EngineJournal {
  target: EngineJournal | undefined;

  append(command: Command): void {
    this.target?.append(command);
  }
}
