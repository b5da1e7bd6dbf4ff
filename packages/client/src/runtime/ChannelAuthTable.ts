/**
 * The part of a generated channel table (`channelTable`) that says which channels need
 * `private/subscribe`: each pattern's `regex` and `private` flag, from the spec's `x-channels`.
 */
export type ChannelAuthTable = readonly { readonly regex: RegExp; readonly private: boolean }[];
