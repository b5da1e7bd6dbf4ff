let lastSeconds = -1;
let lastSecondsText = "";

/**
 * The decimal text of a microsecond timestamp, without a double-to-string conversion: a 16-digit
 * number is not a small integer, and V8 prints those several times slower than the seconds prefix
 * (cached: it changes once a second) plus the six-digit microsecond part.
 */
export function formatMicros(us: number): string {
  const seconds = Math.floor(us / 1e6);
  if (seconds !== lastSeconds) {
    if (!(seconds > 0 && Number.isSafeInteger(us))) return "" + us;
    lastSeconds = seconds;
    lastSecondsText = "" + seconds;
  }
  return lastSecondsText + ("" + (1e6 + (us - seconds * 1e6))).slice(1);
}
