import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText, nodesText } from "../renderModule.js";
import { tsConst, tsObjectKey, tsValue } from "../ts.js";

const f = ts.factory;

/**
 * `enums.ts`: the values of every `components.schemas` schema with an `enum`, in the spec's order,
 * keyed by the schema's name, as data (the types of `types.ts` say the same as unions).
 */
export function enumsModule(ctx: Context): GeneratedFile {
  const schemas = ctx.document.components?.schemas ?? {};
  const entries = Object.entries(schemas).flatMap(([name, schema]) =>
    typeof schema === "object" && Array.isArray(schema.enum)
      ? [f.createPropertyAssignment(tsObjectKey(name), tsValue(schema.enum))]
      : [],
  );
  return moduleText(
    "enums.ts",
    ctx.options.header,
    [],
    nodesText([
      tsConst("enums", f.createObjectLiteralExpression(entries, true), {
        asConst: true,
        doc: "The values of each enum schema of `components.schemas`, in the spec's order.",
      }),
    ]),
  );
}
