/** One run: calls per second (wall clock) and this process's CPU microseconds per call. */
export interface Run {
  rate: number;
  cpuMicrosPerCall: number;
}

/** Runs `total` calls with `concurrency` in flight. */
export async function measure(
  call: () => Promise<unknown>,
  total: number,
  concurrency: number,
): Promise<Run> {
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued++;
      await call();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: total / seconds, cpuMicrosPerCall: (used.user + used.system) / total };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
