/**
 * The fastest of `runs` timings of `f`, in milliseconds: the minimum is the run least disturbed
 * by the garbage collector and by the other processes on a shared machine, so the ratio of two
 * such timings says how the work grows, not how busy the machine was.
 */
export function fastestRun(f: () => void, runs = 7): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}
