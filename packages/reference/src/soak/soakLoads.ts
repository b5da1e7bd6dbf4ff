import { connectionFlood } from "./connectionFlood.js";
import { decimalBombs } from "./decimalBombs.js";
import { killLoop } from "./killLoop.js";
import type { SoakOptions, SoakResult } from "./SoakResult.js";
import { tokenFlood } from "./tokenFlood.js";

/** A soak load: a name and the function that drives it. */
export interface SoakLoad {
  name: string;
  description: string;
  run(options: SoakOptions): Promise<SoakResult>;
}

/** Every load `unwind-soak` knows, in run order. */
export const soakLoads: readonly SoakLoad[] = [
  {
    name: "connection-flood",
    description:
      "one address opens connections as fast as it can and leaves them idle; another client must stay served",
    run: connectionFlood,
  },
  {
    name: "token-flood",
    description:
      "public/auth with right secrets over and over (token cap) and wrong ones from four addresses (login throttle)",
    run: tokenFlood,
  },
  {
    name: "decimal-bombs",
    description:
      "prices of 200,000 digits and thousands of precisions while a probe times public/test",
    run: decimalBombs,
  },
  {
    name: "kill-9-loop",
    description:
      "two accounts place orders, the server is killed with SIGKILL and restarted; every acknowledged order must be back",
    run: killLoop,
  },
];
