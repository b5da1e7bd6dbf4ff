import { benignServers } from "./benign.js";
import { describeBenign } from "./describeBenign.js";

// The other half of benignServers.test.ts's servers, in a worker of its own.
describeBenign(
  "each benign server passes the whole suite over both transports (second half)",
  benignServers.filter((_, i) => i % 2 === 1),
);
