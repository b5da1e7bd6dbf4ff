import type { OpenRpcDocument, Schema } from "./document.js";
import type { NameRegistry } from "./NameRegistry.js";
import { pascalCase } from "./names.js";
import type { NamedSchema, TypeRegistry } from "./TypeRegistry.js";

/** One entry of the document-level `x-channels` extension, resolved. */
export interface ChannelModel {
  /** The name pattern: `user.orders.{instrument_name}.raw`. */
  readonly pattern: string;
  readonly private: boolean;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  /** The `{placeholder}` names of the pattern, in order. */
  readonly placeholders: readonly string[];
  /** The TypeScript type of the notifications' `data`: a named type of `types.ts`, or `unknown`. */
  readonly dataType: string;
}

/** The literal parts of a pattern around its placeholders: `a.{x}.b` -> `["a.", ".b"]`. */
export function patternParts(pattern: string): { literals: string[]; placeholders: string[] } {
  const literals: string[] = [];
  const placeholders: string[] = [];
  let last = 0;
  for (const match of pattern.matchAll(/\{([^{}]*)\}/g)) {
    literals.push(pattern.slice(last, match.index));
    placeholders.push(match[1] as string);
    last = match.index + match[0].length;
  }
  literals.push(pattern.slice(last));
  return { literals, placeholders };
}

/** The template literal type of a pattern's concrete names: `` `user.orders.${string}.raw` ``. */
export function channelNameType(pattern: string): string {
  const { literals } = patternParts(pattern);
  const quote = (text: string) => text.replace(/[\\`]/g, "\\$&").replace(/\$\{/g, "\\${");
  return `\`${literals.map(quote).join("$" + "{string}")}\``;
}

/**
 * The source of a regular expression literal matching a pattern's concrete names: each
 * placeholder is one or more characters other than `.` and white space (line breaks included),
 * so `book.X\n.raw` names no channel (`/^user\.orders\.([^.\s]+)\.raw$/`).
 */
export function channelRegexSource(pattern: string): string {
  const { literals } = patternParts(pattern);
  const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return `/^${literals.map(quote).join("([^.\\s]+)")}$/`;
}

/**
 * Reads `x-channels` (absent: no channels). A `data` that is a `$ref` is typed by the referenced
 * schema's name; an inline schema becomes a named type of its own (`<Pattern words>Data`), returned
 * in `schemas` for `types.ts` to declare. Entries without a string `name` are skipped (the spec's
 * lint reports them).
 */
export function readChannels(
  document: OpenRpcDocument,
  types: TypeRegistry,
  names: NameRegistry,
): { channels: ChannelModel[]; schemas: NamedSchema[] } {
  const raw = (document as unknown as { "x-channels"?: unknown })["x-channels"];
  const channels: ChannelModel[] = [];
  const schemas: NamedSchema[] = [];
  if (!Array.isArray(raw)) return { channels, schemas };
  for (const entry of raw as Record<string, unknown>[]) {
    if (typeof entry?.name !== "string") continue;
    const data = entry.data as Schema | undefined;
    let dataType = "unknown";
    if (typeof data === "object" && data !== null && typeof data.$ref === "string") {
      dataType = types.refName(data.$ref) ?? "unknown";
    } else if (data !== undefined && data !== true) {
      const words = patternParts(entry.name).literals.join(" ");
      const name = names.claim(`${pascalCase(words) || "Channel"}Data`);
      schemas.push({ name, schema: data });
      dataType = name;
    }
    channels.push({
      pattern: entry.name,
      private: entry.private === true,
      summary: typeof entry.summary === "string" ? entry.summary : undefined,
      description: typeof entry.description === "string" ? entry.description : undefined,
      placeholders: patternParts(entry.name).placeholders,
      dataType,
    });
  }
  return { channels, schemas };
}
