import { TokenStore } from "../auth/TokenStore.js";

/**
 * How long `TokenStore.resolve` takes for a wrong token whose handle exists and for one whose handle
 * does not (median of rounds, nanoseconds): a lookup must not tell them apart. Run after a build:
 * `node packages/reference/dist/bench/tokenLookupTiming.js`.
 */
export function measureTokenLookup(
  rounds = 9,
  perRound = 100_000,
): {
  presentNs: number;
  absentNs: number;
} {
  const store = new TokenStore({ accessTtlSeconds: 900, refreshTtlSeconds: 86_400 });
  const t = Date.now();
  for (let i = 0; i < 31; i++) store.issue(`key-${i}`, 1, "trade:read", t);
  const [issuedAt, handle, secret] = store.issue("key", 1, "trade:read", t).access_token.split(".");
  const present = `${issuedAt}.${handle}.${"A".repeat(secret!.length)}`;
  const absent = `${issuedAt}.${"Z".repeat(handle!.length)}.${"A".repeat(secret!.length)}`;
  const time = (token: string) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) store.resolve(token, t);
    return Number(process.hrtime.bigint() - start) / perRound;
  };
  time(present);
  time(absent);
  const presentNs: number[] = [];
  const absentNs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternated, and in turn first, so that load on the machine and warm caches fall on both alike.
    if (r % 2 === 0) presentNs.push(time(present));
    absentNs.push(time(absent));
    if (r % 2 === 1) presentNs.push(time(present));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  return { presentNs: median(presentNs), absentNs: median(absentNs) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { presentNs, absentNs } = measureTokenLookup();
  console.log(
    `token lookup: handle exists ${presentNs.toFixed(0)} ns, handle unknown ${absentNs.toFixed(0)} ns (median)`,
  );
}
