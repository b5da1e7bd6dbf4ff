import type { CallOptions, Transport } from "./Transport.js";

/**
 * Sends a method that has no result as a JSON-RPC notification (no `id`): it resolves once the
 * transport sent it, without waiting for an answer the server never gives. A transport without
 * `notify` sends a request and ignores its result.
 *
 * @example
 * await notify(transport, "eth_subscribeLogs", { address }); // resolves once sent
 */
export async function notify(
  transport: Transport,
  method: string,
  params: object,
  options?: CallOptions,
): Promise<void> {
  if (transport.notify) return transport.notify(method, params, options);
  await transport.request(method, params, options);
}
