/**
 * A successful response with its envelope: the server's `usIn`/`usOut`/`usDiff` (microseconds
 * since the epoch, `usDiff = usOut - usIn`: time spent in the server), `testnet`, and `rttMs`,
 * the round trip the client measured from sending the request to reading the response
 * (milliseconds, fractional).
 */
export interface RpcResponse<Result = unknown> {
  readonly id: number | string;
  readonly result: Result;
  readonly usIn: number;
  readonly usOut: number;
  readonly usDiff: number;
  readonly testnet: boolean;
  readonly rttMs: number;
}
