import { formatMicros } from "./formatMicros.js";
import { nowMicros } from "./nowMicros.js";

/**
 * Response envelopes built by string concatenation around the result's JSON, in Deribit's member
 * order: `jsonrpc, id, result | error, usIn, usOut, usDiff, testnet`. `idJson` is the id's JSON
 * text (`null` when the request had none to echo: unreadable requests and the per-method HTTP forms).
 */
export function resultEnvelope(
  idJson: string,
  resultJson: string,
  usIn: number,
  testnet: boolean,
): string {
  return '{"jsonrpc":"2.0","id":' + idJson + ',"result":' + resultJson + timingTail(usIn, testnet);
}

/**
 * The error form of {@link resultEnvelope}; `data` is left out when undefined. Throws when `data`
 * cannot be serialised (a cycle, a BigInt), like `JSON.stringify`.
 */
export function errorEnvelope(
  idJson: string,
  code: number,
  message: string,
  data: unknown,
  usIn: number,
  testnet: boolean,
): string {
  const dataJson = data === undefined ? undefined : JSON.stringify(data);
  const error =
    '{"code":' +
    (Number.isInteger(code) ? code : -32603) +
    ',"message":' +
    JSON.stringify(String(message)) +
    (dataJson === undefined ? "}" : ',"data":' + dataJson + "}");
  return '{"jsonrpc":"2.0","id":' + idJson + ',"error":' + error + timingTail(usIn, testnet);
}

/** The members after `result`/`error`: `usIn`, `usOut` (now), `usDiff` and `testnet`, closing the object. */
function timingTail(usIn: number, testnet: boolean): string {
  const usOut = nowMicros();
  return (
    ',"usIn":' +
    formatMicros(usIn) +
    ',"usOut":' +
    formatMicros(usOut) +
    ',"usDiff":' +
    (usOut - usIn) +
    (testnet ? ',"testnet":true}' : ',"testnet":false}')
  );
}
