import { benignServers } from "./benign.js";
import { describeBenign } from "./describeBenign.js";

// Half of the servers here, half in benignServers.more.test.ts: two files, two workers.
describeBenign(
  "each benign server passes the whole suite over both transports",
  benignServers.filter((_, i) => i % 2 === 0),
);
