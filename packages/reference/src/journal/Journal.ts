import type { Command, Journal as EngineJournal } from "@unwind/engine";

/**
 * Where the engine's commands go before their answers are sent (the engine calls `append` for
 * every command it applies). `flush` resolves once everything appended so far is durable.
 */
export interface Journal extends EngineJournal {
  append(command: Command): void;
  /**
   * A promise that resolves when every command appended so far is durable (and rejects if it can
   * never be), or `undefined` when they already are: callers skip a microtask on the fast path.
   */
  flush(): Promise<void> | undefined;
  /** Flushes and releases files. */
  close(): Promise<void>;
}
