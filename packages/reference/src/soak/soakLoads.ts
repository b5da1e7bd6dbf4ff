import type { SoakOptions, SoakResult } from "./SoakResult.js";

/** A soak load: a name and the function that drives it. */
export interface SoakLoad {
  name: string;
  description: string;
  run(options: SoakOptions): Promise<SoakResult>;
}

/** Every load `unwind-soak` knows, in run order. */
export const soakLoads: readonly SoakLoad[] = [];
