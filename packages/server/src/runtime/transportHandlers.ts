import { MustBeWebsocketRequestError } from "../generated/errors.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import type { HeartbeatControl, RequestContext } from "./RequestContext.js";
import { subscriptionHandlers, subscriptionMethods } from "./subscriptionHandlers.js";

type Fn = (params: any, context: RequestContext) => unknown;

function heartbeatOf(context: RequestContext, method: string): HeartbeatControl {
  const heartbeat = context.heartbeat;
  if (heartbeat === undefined) {
    throw new MustBeWebsocketRequestError({
      reason: `${method} works on a WebSocket connection only (/ws/api/v2)`,
    });
  }
  return heartbeat;
}

/**
 * The methods the transport itself serves, Deribit's heartbeat, subscriptions and cancel on
 * disconnect flags: they act on the WebSocket
 * connection, which only the runtime holds. Over HTTP they answer 10030
 * `must_be_websocket_request`. `createServer` fills them in when the handlers leave them out.
 */
export const transportHandlers = {
  setHeartbeat(params: { readonly interval: number }, context: RequestContext): "ok" {
    heartbeatOf(context, "public/set_heartbeat").start(params.interval * 1000);
    return "ok";
  },
  disableHeartbeat(_params: object, context: RequestContext): "ok" {
    heartbeatOf(context, "public/disable_heartbeat").stop();
    return "ok";
  },
  ...subscriptionHandlers,
};

/** The transport's methods by JSON-RPC method name. */
const builtins: Readonly<Record<string, Fn>> = {
  "public/set_heartbeat": transportHandlers.setHeartbeat,
  "public/disable_heartbeat": transportHandlers.disableHeartbeat,
  ...(subscriptionMethods as Readonly<Record<string, Fn>>),
};

/**
 * The handlers a server dispatches to, keyed by method name: the given ones (by method name or by
 * `handler` member, bound to their object), the transport's heartbeat methods where they are
 * missing, and `public/test` telling the connection's heartbeat that its `test_request` was answered.
 */
export function withTransportMethods(
  handlers: object,
  methods: Readonly<Record<string, MethodDescriptor>>,
): object {
  const given = handlers as Record<string, unknown>;
  const out: Record<string, Fn> = {};
  for (const descriptor of Object.values(methods)) {
    const own = given[descriptor.name] ?? given[descriptor.handler];
    let fn = typeof own === "function" ? (own as Fn).bind(handlers) : builtins[descriptor.name];
    if (fn === undefined) continue;
    if (descriptor.name === "public/test") {
      const test = fn;
      fn = (params, context) => {
        context.heartbeat?.answered();
        return test(params, context);
      };
    }
    out[descriptor.name] = fn;
  }
  return out;
}
