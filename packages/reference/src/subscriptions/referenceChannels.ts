import type { Engine } from "@unwind/engine";
import {
  type ChannelHooks,
  type ChannelHub,
  type DisconnectInfo,
  InvalidParamsError,
  type RequestContext,
  type RpcError,
} from "@unwind/server";
import type { Journal } from "../journal/Journal.js";
import type { ChannelFeed } from "./ChannelFeed.js";
import { cancelOnDisconnect } from "./cancelOnDisconnect.js";
import { channelInstrument } from "./channelInstrument.js";

/** What the reference's channel hooks work with. */
export interface ReferenceChannelsDeps {
  readonly engine: Engine;
  readonly journal: Journal;
  readonly feed: ChannelFeed;
  readonly now: () => number;
  /** The server's hub (it exists once the server does). */
  readonly hub: () => ChannelHub;
  /** A cancel on disconnect could not be journaled. */
  readonly onError: (error: unknown) => void;
}

/**
 * The reference's channel hooks for `createServer`: a channel naming an instrument the engine
 * does not list is refused (-32602 on param `channels`); a new `book.*` subscriber gets the
 * book's snapshot right after the subscribe answer (at `100ms`, the book as that channel last
 * told it); a connection with cancel on disconnect enabled cancels its account's open orders
 * when it closes (one journaled `cancel_all`).
 *
 * @example
 * createServer({ handlers, auth, channels: referenceChannels({ engine, journal, feed, now, hub: () => server.channels, onError }) });
 */
export function referenceChannels(deps: ReferenceChannelsDeps): ChannelHooks {
  const { engine, journal, feed, now, hub, onError } = deps;
  return {
    accept(channel: string, _context: RequestContext): RpcError | undefined {
      const instrument = channelInstrument(channel);
      if (instrument === undefined || engine.book(instrument) !== undefined) return undefined;
      return new InvalidParamsError({
        param: "channels",
        reason: `unknown instrument '${instrument}'`,
      });
    },
    subscribed(channel: string, context: RequestContext): void {
      if (!channel.startsWith("book.")) return;
      const instrument = channelInstrument(channel)!;
      const snapshot = channel.endsWith(".100ms")
        ? feed.bookSnapshot100ms(instrument, now())
        : feed.bookSnapshot(instrument, now());
      if (snapshot !== undefined) hub().sendTo(context, channel, snapshot);
    },
    disconnected(context: RequestContext, info: DisconnectInfo): void {
      if (info.cancel === undefined) return;
      const account = info.account ?? context.principal?.accountId;
      if (typeof account !== "number") return;
      try {
        cancelOnDisconnect(engine, journal, feed, account, now())?.catch(onError);
      } catch (error) {
        onError(error);
      }
    },
  };
}
