import type { ChannelConnection } from "./ChannelHub.js";

/**
 * The subscribers of one channel and their labels. A publish walks two arrays (no iterator, no
 * entry array a subscriber); they are rebuilt from the map after a subscribe or unsubscribe.
 */
export class ChannelSubscribers {
  readonly #labels = new Map<ChannelConnection, string | undefined>();
  #connections: ChannelConnection[] | undefined;
  #labelList: (string | undefined)[] = [];

  get size(): number {
    return this.#labels.size;
  }

  set(connection: ChannelConnection, label: string | undefined): void {
    this.#labels.set(connection, label);
    this.#connections = undefined;
  }

  delete(connection: ChannelConnection): void {
    if (this.#labels.delete(connection)) this.#connections = undefined;
  }

  /** The connections, in subscription order. */
  connections(): readonly ChannelConnection[] {
    if (this.#connections === undefined) {
      this.#connections = [...this.#labels.keys()];
      this.#labelList = [...this.#labels.values()];
    }
    return this.#connections;
  }

  /** The labels, index for index with {@link connections} (call that first). */
  labels(): readonly (string | undefined)[] {
    return this.#labelList;
  }
}
