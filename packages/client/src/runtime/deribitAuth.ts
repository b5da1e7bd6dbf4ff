import { platform } from "#platform";
import type { ClientAuth } from "./ClientAuth.js";
import type { CryptoProvider } from "./CryptoProvider.js";
import { isPrivateMethod } from "./isPrivateMethod.js";
import type { MethodAuthTable } from "./MethodAuthTable.js";
import { type Credentials, TokenManager } from "./TokenManager.js";

/**
 * The Deribit family's authentication as a `ClientAuth` plug-in: `public/auth` with the API key,
 * then `Authorization: Bearer` over HTTP on every method the generated table marks private
 * (refreshed before expiry), or one `public/auth` per WebSocket connection.
 *
 * @example
 * import { createMethods, methods } from "./generated/index.js";
 * const client = createClient({ methods: createMethods, url, auth: deribitAuth({ clientId, clientSecret }, methods) });
 */
export function deribitAuth(
  credentials: Credentials,
  methods: MethodAuthTable,
  crypto: CryptoProvider = platform.crypto,
): ClientAuth {
  const tokens = new TokenManager(credentials, crypto);
  return {
    async authorize(request, call) {
      if (!isPrivateMethod(methods, request.rpcMethod)) return undefined;
      return `Bearer ${await tokens.accessToken(call)}`;
    },
    async onConnect(send) {
      await tokens.login(async (method, params) => (await send(method, params)).result);
    },
  };
}
