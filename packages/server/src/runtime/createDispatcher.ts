import { nowMicros } from "@unwind/protocol";
import { authorize } from "./authorize.js";
import type { ChannelHub } from "./ChannelHub.js";
import { createInvoker, type DispatchResult, type Route } from "./createInvoker.js";
import { createReplies, type ErrorHook } from "./createReplies.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import type { ParamValidator } from "./ParamValidator.js";
import { PendingCounter } from "./PendingCounter.js";
import { protocolErrors as E } from "./protocolErrors.js";
import { rawIdText } from "./rawIdText.js";
import type { ServerAuth } from "./ServerAuth.js";
import type { Session } from "./Session.js";

export interface DispatcherOptions {
  /** The method table (`src/generated/methods.ts`), keyed by method name. */
  readonly methods: Readonly<Record<string, MethodDescriptor>>;
  /** One params validator per method name (`src/generated/validators.js`). */
  readonly validators: Readonly<Record<string, ParamValidator>>;
  /**
   * One function per method, under the method's name (`"private/close_position"`) or its
   * descriptor's `handler` member (`closePosition`), called with `this` = handlers.
   */
  readonly handlers: object;
  /** Required when any method is private. */
  readonly auth?: ServerAuth;
  readonly testnet?: boolean;
  /** Defaults to `console.error`. */
  readonly onError?: ErrorHook;
  /** The clock principals' `expiresAt` is compared with, ms since the epoch (default `Date.now`). */
  readonly now?: () => number;
  /** The server's channels, given to handlers as `context.channels`. */
  readonly channels?: ChannelHub;
}

export interface Dispatcher {
  /** One JSON-RPC message as text (a WebSocket frame, a `POST /api/v2` body). */
  handleText(text: string, session: Session, usIn?: number): DispatchResult;
  /** A per-method HTTP call: the method from the path, params from the query or body; `id: null`. */
  callMethod(name: string, params: unknown, session: Session, usIn: number): DispatchResult;
  /** The descriptor of a method, by name with or without a leading slash. */
  method(name: string): MethodDescriptor | undefined;
  /** -32600 Invalid Request with `data: {reason}` and `id: null`, for a transport that refuses a request's form. */
  invalidRequest(reason: string, usIn: number): DispatchResult;
  /** Calls whose answer is pending, across sessions. */
  readonly pending: PendingCounter;
}

const positional = { param: "params", reason: "params must be an object (by name)" };
const notParams = { param: "params", reason: "params must be an object (by name) or an array" };
const batch = { reason: "batch requests are not supported" };
const badId = "id must be a string, a number or null";
const jsonNumber = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/**
 * The JSON-RPC core shared by every transport: parse, envelope checks, routing (a leading slash
 * names the same method), auth and scope, params validation, the handler call and the response
 * envelope. Synchronous handlers are answered synchronously, without a promise.
 *
 * @example
 * const dispatcher = createDispatcher({ methods, validators, handlers, auth });
 * const reply = dispatcher.handleText('{"jsonrpc":"2.0","id":1,"method":"public/test"}', session);
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { handlers, auth, testnet = false, now = Date.now } = options;
  const onError: ErrorHook = options.onError ?? ((error) => console.error(error));
  const routes = new Map<string, Route>();
  for (const descriptor of Object.values(options.methods)) {
    const validate = options.validators[descriptor.name];
    const given = handlers as Record<string, unknown>;
    const fn = given[descriptor.name] ?? given[descriptor.handler];
    if (typeof validate !== "function")
      throw new Error(`no params validator for ${descriptor.name}`);
    if (typeof fn !== "function") {
      throw new Error(`handlers.${descriptor.handler} (${descriptor.name}) is not a function`);
    }
    if (descriptor.auth.private && auth === undefined) {
      throw new Error(`${descriptor.name} is private: createDispatcher needs an auth hook`);
    }
    const route: Route = { descriptor, validate, fn: fn as Route["fn"] };
    routes.set(descriptor.name, route);
    if (!descriptor.name.startsWith("/")) routes.set("/" + descriptor.name, route);
  }
  const pending = new PendingCounter();
  const replies = createReplies(testnet, onError);
  const { fail, error: reply } = replies;
  const { invoke, afterAuth } = createInvoker(handlers, replies, options.channels);

  function call(
    idJson: string | null,
    name: string,
    raw: unknown,
    session: Session,
    usIn: number,
  ): DispatchResult {
    const route = routes.get(name);
    if (route === undefined) return reply(idJson, E.methodNotFound, { method: name }, usIn);
    let params: Record<string, unknown>;
    if (raw === undefined) params = {};
    else if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      params = raw as Record<string, unknown>;
    } else if (
      Array.isArray(raw) &&
      route.descriptor.paramStructure !== "by-name" &&
      route.descriptor.paramStructure !== undefined
    ) {
      const byName = byPosition(raw, route.descriptor);
      if (typeof byName === "string") {
        return reply(idJson, E.invalidParams, { param: "params", reason: byName }, usIn);
      }
      params = byName;
    } else {
      const allowsArrays =
        route.descriptor.paramStructure !== undefined &&
        route.descriptor.paramStructure !== "by-name";
      return reply(idJson, E.invalidParams, allowsArrays ? notParams : positional, usIn);
    }
    const rateLimit = session.rateLimit;
    if (rateLimit !== undefined && !rateLimit.take(now())) {
      return reply(idJson, E.tooManyRequests, { limit: rateLimit.rate }, usIn);
    }
    if (session.inFlight >= session.maxInFlight) {
      return reply(idJson, E.tooManyConcurrentRequests, { limit: session.maxInFlight }, usIn);
    }
    let out: DispatchResult;
    if (route.descriptor.auth.private) {
      try {
        out = afterAuth(
          authorize(route.descriptor, params, session, auth!, now),
          route,
          params,
          idJson,
          session,
          usIn,
        );
      } catch (error) {
        out = fail(idJson, error, name, usIn);
      }
    } else {
      let principal = session.principal;
      if (
        principal !== undefined &&
        (principal.revoked === true ||
          (principal.expiresAt !== undefined && principal.expiresAt <= now()))
      ) {
        principal = session.principal = undefined;
      }
      out = invoke(route, params, idJson, session, usIn, principal);
    }
    if (typeof out === "object") return track(out, session);
    return out;
  }

  function track(out: Promise<string | undefined>, session: Session): Promise<string | undefined> {
    session.inFlight++;
    pending.enter();
    return out.then((text) => {
      session.inFlight--;
      pending.leave();
      return text;
    });
  }

  function invalid(idJson: string, reason: string, usIn: number) {
    return reply(idJson, E.invalidRequest, { reason }, usIn);
  }

  function handleText(text: string, session: Session, usIn = nowMicros()): DispatchResult {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return reply("null", E.parseError, undefined, usIn);
    }
    if (typeof message !== "object" || message === null) {
      return invalid("null", "a request must be a JSON object", usIn);
    }
    if (Array.isArray(message)) {
      return reply("null", E.invalidRequest, batch, usIn);
    }
    const request = message as {
      jsonrpc?: unknown;
      id?: unknown;
      method?: unknown;
      params?: unknown;
    };
    const id = request.id;
    let idJson: string | null;
    if (id === undefined) idJson = null;
    else if (typeof id === "number") {
      if (Number.isSafeInteger(id)) idJson = "" + id;
      else {
        // Beyond 2^53 (or with a fraction) JSON.parse's number is not the client's: echo its text,
        // and only when that text is a number (never what another spelling of "id" held).
        const raw = rawIdText(text);
        if (raw === undefined || !jsonNumber.test(raw)) return invalid("null", badId, usIn);
        idJson = raw;
      }
    } else if (typeof id === "string" || id === null) idJson = JSON.stringify(id);
    else return invalid("null", badId, usIn);
    if (request.jsonrpc !== "2.0") return invalid(idJson ?? "null", 'jsonrpc must be "2.0"', usIn);
    if (typeof request.method !== "string") {
      return invalid(idJson ?? "null", "method must be a string", usIn);
    }
    return call(idJson, request.method, request.params, session, usIn);
  }

  return {
    handleText,
    callMethod: (name, params, session, usIn) => call("null", name, params, session, usIn),
    method: (name) => routes.get(name)?.descriptor,
    invalidRequest: (reason, usIn) => invalid("null", reason, usIn),
    pending,
  };
}

/**
 * Positional params by name, in the order the method declares them; a trailing param left out
 * is absent (not `null`). A reason when there are more values than params.
 */
function byPosition(
  values: unknown[],
  descriptor: MethodDescriptor,
): Record<string, unknown> | string {
  const names = descriptor.params;
  if (values.length > names.length) {
    return `${descriptor.name} takes at most ${names.length} params by position, but got ${values.length}`;
  }
  const out: Record<string, unknown> = {};
  values.forEach((value, i) => {
    Object.defineProperty(out, names[i]!.name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return out;
}
