import type { BroadcastGroup } from "./BroadcastGroup.js";
import type { ChannelConnection } from "./ChannelHub.js";

let principalEpoch = 0;
/** Moves on every subscribe, unsubscribe and authentication, in any channel (`membershipVersion`). */
let membership = 0;

/**
 * A connection authenticated (perhaps as another account than before): every channel's index of
 * connections by account is rebuilt on its next use. (A principal that expires or is revoked
 * needs no call: the index may then hold a connection too many, and users check it again.)
 */
export function principalsChanged(): void {
  principalEpoch++;
  membership++;
}

/**
 * A number that changes whenever a channel's subscribers, or the accounts of connections, may
 * have changed: what `ChannelHub.count` answers holds until it moves (an expired principal does
 * not move it; `count` may then answer one connection too many).
 */
export function membershipVersion(): number {
  return membership;
}

/**
 * The subscribers of one channel and their labels. A publish walks two arrays (no iterator, no
 * entry array a subscriber); they are rebuilt from the map after a subscribe or unsubscribe.
 */
export class ChannelSubscribers implements BroadcastGroup {
  readonly #labels = new Map<ChannelConnection, string | undefined>();
  /** Subscribers with a label (their notifications differ from the rest). */
  #labelled = 0;
  #connections: ChannelConnection[] | undefined;
  #labelList: (string | undefined)[] = [];
  /** Indexes into `connections()` by account id text, and the principal epoch it was built in. */
  #byAccount: Map<string, number[]> | undefined;
  #byAccountEpoch = -1;

  get size(): number {
    return this.#labels.size;
  }

  /** Subscribers with a label: with none, one frame serves everyone (`FrameBatcher.broadcast`). */
  get labelled(): number {
    return this.#labelled;
  }

  set(connection: ChannelConnection, label: string | undefined): void {
    if (this.#labels.has(connection) && this.#labels.get(connection) !== undefined)
      this.#labelled--;
    if (label !== undefined) this.#labelled++;
    this.#labels.set(connection, label);
    this.#connections = undefined;
    this.#byAccount = undefined;
    membership++;
  }

  delete(connection: ChannelConnection): void {
    if (this.#labels.get(connection) !== undefined) this.#labelled--;
    if (this.#labels.delete(connection)) {
      this.#connections = undefined;
      this.#byAccount = undefined;
      membership++;
    }
  }

  /**
   * The indexes (into {@link connections}) of the connections authenticated as `account` when
   * the index was built: a superset of those that are now (check each again).
   */
  ofAccount(account: number | string): readonly number[] | undefined {
    const connections = this.connections();
    let index = this.#byAccount;
    if (index === undefined || this.#byAccountEpoch !== principalEpoch) {
      index = new Map();
      for (let i = 0; i < connections.length; i++) {
        const id = connections[i]!.principal?.accountId;
        if (id === undefined) continue;
        const key = String(id);
        const list = index.get(key);
        if (list === undefined) index.set(key, [i]);
        else list.push(i);
      }
      this.#byAccount = index;
      this.#byAccountEpoch = principalEpoch;
    }
    return index.get(String(account));
  }

  /** The connections, in subscription order. */
  connections(): readonly ChannelConnection[] {
    if (this.#connections === undefined) {
      this.#connections = [...this.#labels.keys()];
      this.#labelList = [...this.#labels.values()];
    }
    return this.#connections;
  }

  /** The connections (a {@link BroadcastGroup}: the unlabelled channel's frames go to each). */
  members(): readonly ChannelConnection[] {
    return this.connections();
  }

  has(connection: ChannelConnection): boolean {
    return this.#labels.has(connection);
  }

  /** The labels, index for index with {@link connections} (call that first). */
  labels(): readonly (string | undefined)[] {
    return this.#labelList;
  }
}
