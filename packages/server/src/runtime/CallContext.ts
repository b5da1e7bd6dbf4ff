import type { ChannelConnection, ChannelHub } from "./ChannelHub.js";
import type { HeartbeatControl, Principal, RequestContext } from "./RequestContext.js";
import type { Session } from "./Session.js";

/** The `RequestContext` a handler gets: one small object per call, the rest read from the session. */
export class CallContext implements RequestContext {
  readonly principal: Principal | undefined;
  readonly usIn: number;
  readonly channels: ChannelHub | undefined;
  readonly #session: Session;

  constructor(
    session: Session,
    principal: Principal | undefined,
    usIn: number,
    channels?: ChannelHub,
  ) {
    this.#session = session;
    this.channels = channels;
    this.principal = principal;
    this.usIn = usIn;
  }

  get transport(): "http" | "ws" {
    return this.#session.transport;
  }

  get remoteAddress(): string | undefined {
    return this.#session.remoteAddress;
  }

  get signal(): AbortSignal {
    return this.#session.signal;
  }

  get heartbeat(): HeartbeatControl | undefined {
    return this.#session.heartbeat;
  }

  get connection(): ChannelConnection | undefined {
    return this.#session.connection;
  }

  authenticateConnection(principal: Principal): void {
    this.#session.authenticateConnection(principal);
  }
}
