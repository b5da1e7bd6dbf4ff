import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText, nodesText } from "../renderModule.js";
import { tsConst, tsObjectKey, tsValue } from "../ts.js";

const f = ts.factory;

/**
 * `errorTable.ts`: every error the spec declares as plain data (code, message, the class the
 * server and client targets name, `data` where declared), keyed by its `components.errors` key
 * (else its class name). It imports nothing, so a runtime or an engine can read the spec's codes
 * and messages without loading the generated classes (which import the runtime).
 */
export function errorTableModule(ctx: Context): GeneratedFile {
  const entries = ctx.errors.map((e) =>
    f.createPropertyAssignment(
      tsObjectKey(e.key ?? e.className),
      tsValue({ code: e.code, message: e.message, className: e.className, data: e.data }),
    ),
  );
  return moduleText(
    "errorTable.ts",
    ctx.options.header,
    [],
    nodesText([
      tsConst("errorTable", f.createObjectLiteralExpression(entries, true), {
        asConst: true,
        doc: "Every error the spec declares: code, message, class name and `data` where declared.",
      }),
    ]),
  );
}
