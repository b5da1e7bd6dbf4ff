import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { printSnippet } from "../ts.js";
import { fence, page, prettyJson, prose } from "./markdown.js";
import { schemasPage } from "./typeLink.js";

/** `schemas.md`: every named type, its description, its TypeScript form and its JSON Schema. */
export function schemasPageFile(ctx: Context): GeneratedFile {
  const sections = ctx.typeDeclarations
    .filter((d) => d.schema !== undefined)
    .map((d) => {
      const schema = d.schema!;
      const description = typeof schema === "object" ? schema.description : undefined;
      return [
        `## ${d.name}`,
        prose(description),
        fence("ts", printSnippet(d.statement!).replace(/^\/\*\*[\s\S]*?\*\/\n/, "")),
        `<details><summary>JSON Schema</summary>\n\n${fence("json", prettyJson(schema))}\n\n</details>`,
      ]
        .filter(Boolean)
        .join("\n\n");
    });
  return {
    path: schemasPage,
    content: page(ctx.options.header, [
      `# Schemas of ${ctx.document.info.title} ${ctx.specVersion}`,
      `Every named type of the generated code, with the JSON Schema it comes from. ${sections.length === 0 ? "The document names none." : ""}`,
      ...sections,
      `[All methods](README.md)`,
    ]),
  };
}
