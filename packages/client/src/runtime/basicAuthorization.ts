/** `Basic base64(client_id:client_secret)` (UTF-8), without `Buffer` so it runs in browsers. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${clientId}:${clientSecret}`)) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}
