/** Settings every soak load gets from `unwind-soak`. */
export interface SoakOptions {
  /** How long to drive the load; the load stops by itself after it. */
  durationMs: number;
  /** Progress, one line at a time. */
  log: (line: string) => void;
}

/** What one soak load measured. */
export interface SoakResult {
  name: string;
  /** Requests answered (any answer, an error included). */
  answered: number;
  /** Peak resident set size of the server process, from /proc/PID/status. */
  rssMaxBytes: number;
  rssEndBytes: number;
  /** Acknowledged orders missing after the run (0 where the load places none). */
  lostAcknowledged: number;
  /** One line each: what else was measured. */
  notes: string[];
}
