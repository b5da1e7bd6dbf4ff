import { channelTable } from "../generated/channels.js";
import { InvalidParamsError, MustBeWebsocketRequestError } from "../generated/errors.js";
import type { ChannelConnection, ChannelHub } from "./ChannelHub.js";
import type { RequestContext } from "./RequestContext.js";
import { RpcError } from "./RpcError.js";

const patterns = channelTable.map((c) => c.pattern).join(", ");
/**
 * Each pattern with any last segment (its interval, `raw` or `100ms`), and that interval: a name
 * matching no pattern but one of these asks for an interval its channel is not served at.
 */
const anyInterval = channelTable.map((c) => ({
  interval: /\.([^.{}]+)$/.exec(c.pattern)?.[1],
  regex: new RegExp(c.regex.source.replace(/\\\.[^.\\]+\$$/, "\\.[^.\\s]+$")),
}));

/** Why `name` is no channel: another interval of a served channel, or no pattern at all. */
function unknownChannel(name: string): string {
  const intervals = anyInterval
    .filter((c) => c.interval !== undefined && c.regex.test(name))
    .map((c) => c.interval);
  if (intervals.length === 0) return `unknown channel '${name}': expected one of ${patterns}`;
  return intervals.length === 1
    ? `unknown channel '${name}': only the ${intervals[0]} interval is served`
    : `unknown channel '${name}': the intervals served are ${intervals.join(", ")}`;
}

/** The connection and hub of a WebSocket call; 10030 over HTTP. */
function connectionOf(
  context: RequestContext,
  method: string,
): { connection: ChannelConnection; hub: ChannelHub } {
  const connection = context.connection;
  const hub = context.channels;
  if (connection === undefined || hub === undefined) {
    throw new MustBeWebsocketRequestError({
      reason: `${method} works on a WebSocket connection only (/ws/api/v2)`,
    });
  }
  return { connection, hub };
}

function refuse(reason: string): InvalidParamsError {
  return new InvalidParamsError({ param: "channels", reason });
}

/** Why a channel name cannot be subscribed by this method, or undefined when it can. */
function channelProblem(name: string, allowPrivate: boolean): string | undefined {
  const channel = channelTable.find((c) => c.regex.test(name));
  if (channel === undefined) return unknownChannel(name);
  if (channel.private && !allowPrivate)
    return "user.* channels need private/subscribe on an authenticated connection";
  return undefined;
}

function subscribe(
  method: string,
  allowPrivate: boolean,
  params: { readonly channels: readonly string[]; readonly label?: string },
  context: RequestContext,
): string[] {
  const { connection, hub } = connectionOf(context, method);
  // One bad channel refuses the whole call: check every name before subscribing any.
  for (const name of params.channels) {
    const problem = channelProblem(name, allowPrivate);
    if (problem !== undefined) throw refuse(problem);
    const refused = hub.hooks.accept?.(name, context);
    if (refused instanceof RpcError) throw refused;
  }
  const subscribed: string[] = [];
  for (const name of params.channels) {
    const isPrivate = channelTable.find((c) => c.regex.test(name))?.private === true;
    hub.add(connection, name, isPrivate ? params.label : undefined);
    if (!subscribed.includes(name)) subscribed.push(name);
  }
  const after = hub.hooks.subscribed;
  // Right after the response, before anything published later reaches the connection: a
  // snapshot sent here is the state the changes that follow it start from.
  if (after !== undefined)
    connection.afterAnswer(() => {
      for (const name of subscribed) if (connection.subscriptions.has(name)) after(name, context);
    });
  return subscribed;
}

function unsubscribe(
  method: string,
  params: { readonly channels: readonly string[] },
  context: RequestContext,
): string[] {
  const { connection, hub } = connectionOf(context, method);
  const out: string[] = [];
  for (const name of params.channels) if (hub.remove(connection, name)) out.push(name);
  return out;
}

function unsubscribeAll(method: string, context: RequestContext): "ok" {
  const { connection, hub } = connectionOf(context, method);
  hub.removeAll(connection);
  return "ok";
}

type Scope = "connection" | "account";

function setCancel(
  method: string,
  scope: Scope | undefined,
  on: boolean,
  context: RequestContext,
): "ok" {
  const { connection, hub } = connectionOf(context, method);
  if ((scope ?? "connection") === "connection") {
    connection.cancelOnDisconnect = on;
    // Its close cancels the orders of the account that enabled it, whoever the connection
    // authenticates as later.
    connection.cancelOnDisconnectAccount = on ? context.principal!.accountId : undefined;
  } else hub.setAccountCancel(context.principal!.accountId, on);
  return "ok";
}

/** The subscription and cancel-on-disconnect methods the transport serves, by handler member. */
export const subscriptionHandlers = {
  publicSubscribe(params: { readonly channels: readonly string[] }, context: RequestContext) {
    return subscribe("public/subscribe", false, params, context);
  },
  privateSubscribe(
    params: { readonly channels: readonly string[]; readonly label?: string },
    context: RequestContext,
  ) {
    return subscribe("private/subscribe", true, params, context);
  },
  publicUnsubscribe(params: { readonly channels: readonly string[] }, context: RequestContext) {
    return unsubscribe("public/unsubscribe", params, context);
  },
  privateUnsubscribe(params: { readonly channels: readonly string[] }, context: RequestContext) {
    return unsubscribe("private/unsubscribe", params, context);
  },
  publicUnsubscribeAll(_params: object, context: RequestContext): "ok" {
    return unsubscribeAll("public/unsubscribe_all", context);
  },
  privateUnsubscribeAll(_params: object, context: RequestContext): "ok" {
    return unsubscribeAll("private/unsubscribe_all", context);
  },
  enableCancelOnDisconnect(params: { readonly scope?: Scope }, context: RequestContext): "ok" {
    return setCancel("private/enable_cancel_on_disconnect", params.scope, true, context);
  },
  disableCancelOnDisconnect(params: { readonly scope?: Scope }, context: RequestContext): "ok" {
    return setCancel("private/disable_cancel_on_disconnect", params.scope, false, context);
  },
  getCancelOnDisconnect(
    params: { readonly scope?: Scope },
    context: RequestContext,
  ): { scope: Scope; enabled: boolean } {
    const { connection, hub } = connectionOf(context, "private/get_cancel_on_disconnect");
    const scope = params.scope ?? "connection";
    const enabled =
      scope === "connection"
        ? connection.cancelOnDisconnect
        : hub.accountCancel(context.principal!.accountId);
    return { scope, enabled };
  },
};

/** The same handlers by JSON-RPC method name. */
export const subscriptionMethods = {
  "public/subscribe": subscriptionHandlers.publicSubscribe,
  "private/subscribe": subscriptionHandlers.privateSubscribe,
  "public/unsubscribe": subscriptionHandlers.publicUnsubscribe,
  "private/unsubscribe": subscriptionHandlers.privateUnsubscribe,
  "public/unsubscribe_all": subscriptionHandlers.publicUnsubscribeAll,
  "private/unsubscribe_all": subscriptionHandlers.privateUnsubscribeAll,
  "private/enable_cancel_on_disconnect": subscriptionHandlers.enableCancelOnDisconnect,
  "private/disable_cancel_on_disconnect": subscriptionHandlers.disableCancelOnDisconnect,
  "private/get_cancel_on_disconnect": subscriptionHandlers.getCancelOnDisconnect,
} as const;
