import type { Authorization } from "./authorize.js";
import { CallContext } from "./CallContext.js";
import type { ChannelHub } from "./ChannelHub.js";
import type { Replies } from "./createReplies.js";
import { describeParamError } from "./describeParamError.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import type { ParamValidator } from "./ParamValidator.js";
import { protocolErrors as E } from "./protocolErrors.js";
import type { Principal } from "./RequestContext.js";
import { RpcError } from "./RpcError.js";
import type { Session } from "./Session.js";

/** The response text, `undefined` for a notification, or a promise of either (never rejects). */
export type DispatchResult = string | undefined | Promise<string | undefined>;

/** A routed method: its descriptor, validator and handler function. */
export interface Route {
  readonly descriptor: MethodDescriptor;
  readonly validate: ParamValidator;
  readonly fn: (this: object, params: unknown, context: CallContext) => unknown;
}

/** What runs once a request is routed: validation, the handler call, the answer. */
export interface Invoker {
  invoke(
    route: Route,
    params: Record<string, unknown>,
    idJson: string | null,
    session: Session,
    usIn: number,
    principal: Principal | undefined,
  ): DispatchResult;
  /** Continues with {@link Invoker.invoke} once a private method's authorisation is known. */
  afterAuth(
    outcome: Authorization,
    route: Route,
    params: Record<string, unknown>,
    idJson: string | null,
    session: Session,
    usIn: number,
  ): DispatchResult;
}

export function createInvoker(handlers: object, replies: Replies, channels?: ChannelHub): Invoker {
  const { succeed, fail, error: reply } = replies;

  function invoke(
    route: Route,
    params: Record<string, unknown>,
    idJson: string | null,
    session: Session,
    usIn: number,
    principal: Principal | undefined,
  ): DispatchResult {
    const name = route.descriptor.name;
    if (!route.validate(params)) {
      if (idJson === null) return undefined;
      const problem = describeParamError(route.validate.errors, route.descriptor);
      return reply(idJson, E.invalidParams, problem, usIn);
    }
    let out: unknown;
    try {
      out = route.fn.call(handlers, params, new CallContext(session, principal, usIn, channels));
    } catch (error) {
      return fail(idJson, error, name, usIn);
    }
    if (typeof (out as PromiseLike<unknown> | null)?.then === "function") {
      return Promise.resolve(out).then(
        (result) => succeed(idJson, result, name, usIn),
        (error: unknown) => fail(idJson, error, name, usIn),
      );
    }
    return succeed(idJson, out, name, usIn);
  }

  function afterAuth(
    outcome: Authorization,
    route: Route,
    params: Record<string, unknown>,
    idJson: string | null,
    session: Session,
    usIn: number,
  ): DispatchResult {
    if (outcome instanceof RpcError) return fail(idJson, outcome, route.descriptor.name, usIn);
    if (outcome instanceof Promise) {
      return outcome.then(
        (resolved) => afterAuth(resolved, route, params, idJson, session, usIn),
        (error: unknown) => fail(idJson, error, route.descriptor.name, usIn),
      );
    }
    return invoke(route, params, idJson, session, usIn, outcome);
  }

  return { invoke, afterAuth };
}
