const origin = performance.timeOrigin;

/**
 * Microseconds since the Unix epoch, as an integer: the envelope's `usIn` and `usOut`.
 *
 * `performance.timeOrigin + performance.now()` has sub-microsecond resolution and costs a few tens
 * of nanoseconds; `Date.now()` only has milliseconds. The monotonic clock is anchored to the wall
 * clock once, when the process starts, so a later wall-clock step (NTP) is not followed.
 */
export function nowMicros(): number {
  return Math.floor((origin + performance.now()) * 1000);
}
