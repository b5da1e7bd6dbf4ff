import type { SubscribeOptions } from "./SubscribeOptions.js";
import { SubscriptionOverflowError } from "./SubscriptionOverflowError.js";

/** What a subscription asks of the transport that feeds it. */
export interface SubscriptionOwner {
  /** The iterator is done with its channel: unsubscribe when it was the channel's last. */
  detach(subscription: ChannelSubscription<any>): Promise<void>;
  /** Resolves once the server confirmed the channel on the current connection. */
  ready(subscription: ChannelSubscription<any>): Promise<void>;
}

type Taker<D> = {
  resolve: (result: IteratorResult<D, undefined>) => void;
  reject: (error: unknown) => void;
};

const DONE: IteratorResult<never, undefined> = { value: undefined, done: true };

/**
 * One iterator over a channel's notifications (`for await (const data of subscription)`): the
 * data of each `subscription` notification in the order the server sent them, buffered while the
 * consumer is busy. `break` (which calls `return()`) leaves the channel; the last iterator of a
 * channel unsubscribes it on the server.
 */
export class ChannelSubscription<D> implements AsyncIterableIterator<D, undefined> {
  /** The channel name, e.g. `user.changes.BTC-PERPETUAL.raw`. */
  readonly channel: string;
  readonly #owner: SubscriptionOwner;
  readonly #bufferSize: number;
  readonly #dropOldest: boolean;
  #items: D[] = [];
  #head = 0;
  #takers: Taker<D>[] = [];
  /** Set once no more notifications come: `error` (if any) is thrown after the buffered ones. */
  #end: { error?: unknown; thrown?: boolean } | undefined;

  constructor(channel: string, owner: SubscriptionOwner, options: SubscribeOptions = {}) {
    this.channel = channel;
    this.#owner = owner;
    this.#bufferSize = Math.max(1, options.bufferSize ?? 10_000);
    this.#dropOldest = options.overflow === "drop-oldest";
  }

  /** Whether it still receives notifications. */
  get active(): boolean {
    return this.#end === undefined;
  }

  /** Resolves once the server confirmed the subscription (after a reconnect: once it is renewed); rejects with the refusal. */
  ready(): Promise<void> {
    if (this.#end) {
      return this.#end.error === undefined ? Promise.resolve() : Promise.reject(this.#end.error);
    }
    return this.#owner.ready(this);
  }

  /** @internal A notification's data, from the transport. */
  push(data: D): void {
    if (this.#end) return;
    const taker = this.#takers.shift();
    if (taker) {
      taker.resolve({ value: data, done: false });
      return;
    }
    if (this.#items.length - this.#head >= this.#bufferSize) {
      if (!this.#dropOldest) {
        this.finish(new SubscriptionOverflowError(this.channel, this.#bufferSize));
        this.#owner.detach(this).catch(() => {});
        return;
      }
      this.#head += 1;
    }
    this.#items.push(data);
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** @internal No more notifications: the buffered ones are still yielded, then `error` or the end. */
  finish(error?: unknown): void {
    if (this.#end) return;
    this.#end = error === undefined ? {} : { error };
    // takers wait only on an empty buffer
    const takers = this.#takers;
    this.#takers = [];
    for (const taker of takers) {
      if (this.#end.error !== undefined && !this.#end.thrown) {
        this.#end.thrown = true;
        taker.reject(this.#end.error);
      } else {
        taker.resolve(DONE);
      }
    }
  }

  next(): Promise<IteratorResult<D, undefined>> {
    if (this.#head < this.#items.length) {
      const value = this.#items[this.#head] as D;
      this.#items[this.#head] = undefined as D;
      this.#head += 1;
      if (this.#head === this.#items.length) {
        this.#items = [];
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    const end = this.#end;
    if (end) {
      if (end.error === undefined || end.thrown) return Promise.resolve(DONE);
      end.thrown = true;
      return Promise.reject(end.error);
    }
    return new Promise((resolve, reject) => this.#takers.push({ resolve, reject }));
  }

  /** Leaves the channel (`break` calls it): drops what is buffered and unsubscribes when it was the channel's last iterator. */
  async return(): Promise<IteratorResult<D, undefined>> {
    const wasActive = this.#end === undefined;
    this.#items = [];
    this.#head = 0;
    this.finish();
    if (this.#end) this.#end.thrown = true;
    if (wasActive) await this.#owner.detach(this);
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
