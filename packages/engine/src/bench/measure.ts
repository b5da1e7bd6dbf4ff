/** Throughput and latency of one run over a command stream. */
export interface Measurement {
  name: string;
  commands: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  p999: number;
}

/** Runs `apply` over every item twice on fresh state: once untimed per item (throughput), once timed per item (latency). */
export function measure<T>(
  name: string,
  items: readonly T[],
  fresh: () => (item: T, index: number) => void,
): Measurement {
  let apply = fresh();
  const n = items.length;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) apply(items[i]!, i);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  apply = fresh();
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    apply(items[i]!, i);
    lat[i] = Number(process.hrtime.bigint() - s);
  }
  lat.sort();
  const q = (p: number) => lat[Math.min(n - 1, Math.floor(p * n))]!;
  return {
    name,
    commands: n,
    seconds,
    opsPerSecond: n / seconds,
    p50: q(0.5),
    p99: q(0.99),
    p999: q(0.999),
  };
}

/** The cost of one `process.hrtime.bigint()` pair, to read latencies against. */
export function timerOverhead(): number {
  const n = 200_000;
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    lat[i] = Number(process.hrtime.bigint() - s);
  }
  lat.sort();
  return lat[n >> 1]!;
}
