import type { IncomingMessage, ServerResponse } from "node:http";
import type { Credentials } from "./Credentials.js";
import { parseAuthorization } from "./parseAuthorization.js";
import type { Principal } from "./RequestContext.js";
import type { RpcError } from "./RpcError.js";
import type { Session } from "./Session.js";
import type { TokenBucket } from "./TokenBucket.js";

/** One HTTP request as the dispatcher sees it: authenticated per request, never by connection. */
export class HttpSession implements Session {
  readonly transport = "http" as const;
  readonly principal: Principal | undefined = undefined;
  inFlight = 0;
  readonly maxInFlight = Number.POSITIVE_INFINITY;
  readonly #req: IncomingMessage;
  readonly #res: ServerResponse;
  readonly #body: string;
  #credentials: Credentials | RpcError | undefined | null = null;
  #controller: AbortController | undefined;

  constructor(
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
    readonly rateLimit?: TokenBucket,
  ) {
    this.#req = req;
    this.#res = res;
    this.#body = body;
  }

  get remoteAddress(): string | undefined {
    return this.#req.socket.remoteAddress;
  }

  credentials(): Credentials | RpcError | undefined {
    if (this.#credentials === null) {
      const req = this.#req;
      this.#credentials = parseAuthorization(req.headers.authorization, {
        httpMethod: req.method ?? "GET",
        uri: req.url ?? "/",
        body: this.#body,
      });
    }
    return this.#credentials;
  }

  /** Aborted when the client goes away before the answer is sent. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      const res = this.#res;
      if (res.closed && !res.writableFinished) controller.abort();
      else res.once("close", () => res.writableFinished || controller.abort());
      this.#controller = controller;
    }
    return this.#controller.signal;
  }

  /** HTTP is authenticated per request: there is no connection to remember a principal on. */
  authenticateConnection(_principal: Principal): void {}
}
