import { checkEnvelope, envelopeChecks } from "../checks/envelopeChecks.js";
import type { Scenario } from "../core/Scenario.js";

/**
 * The envelope of every response of the run so far on this transport (it runs last), plus a
 * few requests of its own with string, number (one beyond 2^53) and zero ids so that it means
 * something alone.
 */
export const envelope: Scenario = {
  name: "envelope",
  description:
    "jsonrpc, id echoed (string and number, also beyond 2^53), usIn/usOut/usDiff in microseconds, testnet, on every response of the run",
  checks: Object.values(envelopeChecks),
  async run(ctx) {
    const d = await ctx.driver();
    await d.call("public/test", {}, { id: 7 });
    await d.call("public/test", {}, { id: "conformance-7" });
    await d.call("public/test", {}, { id: 0 });
    await d.call("public/get_time", {}, { id: 2 ** 40 });
    await d.call("public/test", {}, { id: "42" });
    await d.send('{"jsonrpc":"2.0","id":8,"method":"public/get_order_book","params":{}}');
    // Beyond 2^53: the echo must keep every digit, not the double JSON.parse makes of it.
    await d.send('{"jsonrpc":"2.0","id":12345678901234567890,"method":"public/test","params":{}}');
    return checkEnvelope(ctx.recorder.forTransport(ctx.transport));
  },
};
