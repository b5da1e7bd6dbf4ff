import type { HttpRequestInfo } from "./createHttpTransport.js";
import type { HandshakeSend } from "./HandshakeSend.js";
import type { AuthCall } from "./TokenManager.js";

/**
 * How a client authenticates, as hooks; every one is optional and a client without them sends
 * no credentials. `deribitAuth(credentials)` is the Deribit family's (`public/auth`, bearer
 * tokens); an API key header is `{ authorize: () => "Bearer KEY" }`.
 */
export interface ClientAuth {
  /**
   * HTTP: the `Authorization` header of one request, or `undefined` for none. `call` sends a
   * request through the same transport (a login, a token refresh).
   */
  authorize?(
    request: HttpRequestInfo,
    call: AuthCall,
  ): string | undefined | Promise<string | undefined>;
  /** WebSocket: runs on every new connection before queued calls go out on it (log in here). */
  onConnect?(send: HandshakeSend): Promise<void>;
}
