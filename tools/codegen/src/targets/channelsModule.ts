import { channelNameType, channelRegexSource } from "../channels.js";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText } from "../renderModule.js";
import { docEscape, tsImport } from "../ts.js";

function docComment(text: string | undefined, indent: string): string {
  if (text === undefined || text.trim() === "") return "";
  const lines = docEscape(text.trim()).split("\n");
  if (lines.length === 1 && indent.length + lines[0]!.length + 7 <= 100)
    return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === "" ? "" : ` ${l}`}`).join("\n")}\n${indent} */\n`;
}

/**
 * `channels.ts` (client and server, when the document has `x-channels`): `ChannelTable`, one
 * member per channel pattern with its concrete `name` as a template literal type, `private`, and
 * the type of its notifications' `data`; and `channelTable`, the patterns at run time with a
 * regular expression matching their concrete names (each placeholder one capture group of
 * characters other than `.`).
 */
export function channelsModule(ctx: Context): GeneratedFile {
  const named = [...new Set(ctx.channels.map((c) => c.dataType))]
    .filter((t) => t !== "unknown")
    .sort();
  const members = ctx.channels.map(
    (c) =>
      `${docComment(c.summary, "  ")}  ${JSON.stringify(c.pattern)}: {\n` +
      `    readonly name: ${channelNameType(c.pattern)};\n` +
      `    readonly private: ${c.private};\n` +
      `    readonly data: ${c.dataType};\n` +
      "  };",
  );
  const entries = ctx.channels.map(
    (c) =>
      "  {\n" +
      `    pattern: ${JSON.stringify(c.pattern)},\n` +
      `    private: ${c.private},\n` +
      `    regex: ${channelRegexSource(c.pattern)},\n` +
      "  },",
  );
  const body = [
    "/**\n * The channels of the spec (`x-channels`) by name pattern: the concrete channel names, whether\n * the channel is private (`private/subscribe`, the connection's own account only), and the type\n * of its `subscription` notifications' `data`.\n */\n" +
      `export interface ChannelTable {\n${members.join("\n")}\n}`,
    "/** One channel pattern at run time. */\n" +
      "export interface ChannelDescriptor {\n" +
      "  /** The name pattern, e.g. `book.{instrument_name}.raw`. */\n" +
      "  readonly pattern: string;\n" +
      "  /** Whether the channel needs `private/subscribe` and reaches one account only. */\n" +
      "  readonly private: boolean;\n" +
      "  /** Matches the pattern's concrete names; each placeholder is a capture group (no `.` in it). */\n" +
      "  readonly regex: RegExp;\n" +
      "}",
    "/** Every channel of the spec, in the document's order. */\n" +
      `export const channelTable: readonly ChannelDescriptor[] = [\n${entries.join("\n")}\n];`,
  ];
  return moduleText("channels.ts", ctx.options.header, tsImport(named, "./types.js"), body);
}

/** Whether the document declares channels, so the targets write `channels.ts`. */
export function hasChannels(ctx: Context): boolean {
  return Array.isArray((ctx.document as unknown as { "x-channels"?: unknown })["x-channels"]);
}
