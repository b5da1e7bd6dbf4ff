/** The error `subscribe` throws on a client whose transport is HTTP. */
export function subscribeNeedsWebSocket(channel: string): TypeError {
  return new TypeError(
    `subscribe("${channel}") needs the WebSocket transport: subscriptions are WebSocket only (over HTTP the server refuses them). Create the client with transport: "ws" or a wsUrl.`,
  );
}
