import type { ChannelAuthTable } from "./ChannelAuthTable.js";

/**
 * Whether a channel needs `private/subscribe`: the `private` flag of the first pattern of the
 * table it matches; a channel no pattern matches is private when it starts with `user.` (Deribit's
 * rule), so the server, not the client, says what is wrong with it.
 */
export function isPrivateChannel(table: ChannelAuthTable | undefined, channel: string): boolean {
  if (table) for (const entry of table) if (entry.regex.test(channel)) return entry.private;
  return channel.startsWith("user.");
}
