import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { cell, code, page, prose, table } from "./markdown.js";

/** `README.md`: the document's description, servers, every method and every error. */
export function indexPage(ctx: Context): GeneratedFile {
  const info = ctx.document.info;
  const servers = ctx.document.servers ?? [];
  const methods = table(
    ["Method", "Summary", "Auth"],
    ctx.methods.map((m) => [
      `[${code(m.name)}](${m.docPage})`,
      cell(m.method.summary),
      m.auth.private ? `private${m.auth.scope ? ` (${code(m.auth.scope)})` : ""}` : "public",
    ]),
  );
  const errors = table(
    ["Code", "Message", "Class", "Description"],
    [...ctx.errors]
      .sort((a, b) => a.code - b.code)
      .map((e) => [code(String(e.code)), cell(e.message), code(e.className), cell(e.description)]),
  );
  return {
    path: "README.md",
    content: page(ctx.options.header, [
      `# ${info.title} ${info.version}: API reference`,
      `OpenRPC ${ctx.document.openrpc}. Generated from the spec; every method has a page with its params, result, errors and examples. The types are on [the schemas page](schemas.md).`,
      prose(info.description),
      servers.length > 0
        ? `## Servers\n\n${table(
            ["Name", "URL", "Summary"],
            servers.map((s) => [cell(s.name), code(s.url), cell(s.summary ?? s.description)]),
          )}`
        : undefined,
      `## Methods\n\n${ctx.methods.length > 0 ? methods : "None."}`,
      `## Errors\n\n${errors}`,
    ]),
  };
}
