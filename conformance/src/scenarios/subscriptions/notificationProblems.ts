import type { SpecView } from "../../spec/SpecView.js";
import type { Notice } from "../../trading/openSubscriber.js";

/**
 * The first problem with a connection's subscription notifications: one on a channel the
 * connection is not subscribed to (as the answers it got say), a channel the spec does not
 * declare, or data that does not match the channel's `x-channels` schema.
 */
export function notificationProblem(
  spec: SpecView,
  notices: readonly Notice[],
  subscribed: ReadonlySet<string>,
  who: string,
): string | undefined {
  for (const n of notices) {
    const { channel, data } = n.params;
    const declared = spec.channel(channel);
    if (declared === undefined)
      return `${who} got a notification on ${channel}, which matches no channel of x-channels`;
    if (!subscribed.has(channel))
      return `${who} got a notification on ${channel}, which it did not subscribe to`;
    const invalid = spec.validate(declared.data, data);
    if (invalid !== undefined)
      return `${who}'s notification on ${channel} does not match x-channels/${declared.index} (${declared.name}): ${invalid}; data ${JSON.stringify(data).slice(0, 300)}`;
  }
  return undefined;
}

/** The frames of a notification list, for evidence: `channel@frame`. */
export function describeNotices(notices: readonly Notice[], max = 8): string {
  if (notices.length === 0) return "none";
  const shown = notices
    .slice(0, max)
    .map((n) => `${n.params.channel} ${JSON.stringify(n.params.data).slice(0, 160)}`);
  return `${shown.join("; ")}${notices.length > max ? ` (+${notices.length - max} more)` : ""}`;
}
