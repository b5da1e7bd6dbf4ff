import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import type { Scenario } from "../../core/Scenario.js";
import { cancelOnDisconnect, cancelOnDisconnectReauth } from "./cancelOnDisconnect.js";
import { channelLifecycle, lifecycleChecks } from "./channelLifecycle.js";
import { closeFeed, closeFeedChecks } from "./closeFeed.js";
import { heartbeat } from "./heartbeat.js";
import { intervalChecks, intervalFeed } from "./intervalFeed.js";
import { lineBreakChannels } from "./lineBreakChannels.js";
import { overHttp } from "./overHttp.js";
import { pipelinedOrder } from "./pipelinedOrder.js";
import { resubscribeChain } from "./resubscribeChain.js";

const checks = Object.values(c);
const wsOnly = checks.filter((check) => check !== c.overHttp);

/**
 * Subscriptions end to end, over WebSocket: a close seen through user.orders, user.trades,
 * user.changes, book and trades notifications, in order and only by its account; unsubscribe,
 * unsubscribe_all and bad channels (a line break in a channel's name too); the book chain across
 * an unsubscribe and a subscribe again; orders and an unsubscribe pipelined in one write; the
 * 100ms book and trades channels after a burst of commands (skipped when the server serves the
 * raw interval only); cancel on disconnect, also after the connection authenticated as another
 * account; the heartbeat (with `--slow`). Over HTTP: every WebSocket-only method answers 10030.
 * Each part reports its own checks, so one part's broken setup does not hide the others'
 * verdicts.
 */
export const subscriptions: Scenario = {
  name: "subscriptions",
  description:
    "WebSocket subscriptions: a close seen through user.*, book and trades notifications (before its answer, only by its account), unsubscribe, bad channels (line breaks too), the book across a resubscribe, pipelined orders then unsubscribe, the 100ms book and trades after a burst, cancel on disconnect (after re-authentication too), heartbeat (--slow); over HTTP the websocket-only error",
  checks,
  needsAccounts: true,
  async run(ctx) {
    if (ctx.transport === "http") {
      const out = await collectOutcomes([c.overHttp], (o) => overHttp(ctx, o));
      return [...out, ...wsOnly.map((check) => check.skip("subscriptions are WebSocket only"))];
    }
    const out: CheckOutcome[] = [c.overHttp.skip("checked over HTTP")];
    out.push(...(await collectOutcomes(closeFeedChecks, (o) => closeFeed(ctx, o))));
    out.push(...(await collectOutcomes(lifecycleChecks, (o) => channelLifecycle(ctx, o))));
    out.push(...(await collectOutcomes([c.lineBreakChannel], (o) => lineBreakChannels(ctx, o))));
    out.push(...(await collectOutcomes([c.resubscribeChain], (o) => resubscribeChain(ctx, o))));
    out.push(...(await collectOutcomes([c.pipelinedOrder], (o) => pipelinedOrder(ctx, o))));
    out.push(...(await collectOutcomes(intervalChecks, (o) => intervalFeed(ctx, o))));
    out.push(...(await collectOutcomes([c.cancelOnDisconnect], (o) => cancelOnDisconnect(ctx, o))));
    out.push(
      ...(await collectOutcomes([c.cancelOnDisconnectReauth], (o) =>
        cancelOnDisconnectReauth(ctx, o),
      )),
    );
    out.push(...(await collectOutcomes([c.heartbeat], (o) => heartbeat(ctx, o))));
    return out;
  },
};
