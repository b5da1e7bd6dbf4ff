import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText, nodesText } from "../renderModule.js";
import { transformError } from "../transform/error.js";
import {
  docEscape,
  tsConst,
  tsDeclaration,
  tsId,
  tsImport,
  tsObjectKey,
  tsRef,
  tsUnion,
} from "../ts.js";

const f = ts.factory;

/**
 * `errors.ts`: one class per error (the spec's `components.errors`, JSON-RPC's own, and any a
 * method declares inline), `errorClasses` by code (the first class of each code), and for the
 * client one `XErrorType` union per method.
 */
export function errorsModule(ctx: Context): GeneratedFile {
  const flavor = ctx.options.target === "server" ? "server" : "client";
  const byCode = new Map<number, string>();
  for (const e of ctx.errors) if (!byCode.has(e.code)) byCode.set(e.code, e.className);
  const record = f.createObjectLiteralExpression(
    [...byCode]
      .sort(([a], [b]) => a - b)
      .map(([code, name]) =>
        f.createPropertyAssignment(
          code >= 0 ? f.createNumericLiteral(code) : tsObjectKey(String(code)),
          tsId(name),
        ),
      ),
    true,
  );
  const unions =
    flavor === "client"
      ? ctx.methods.map((m) =>
          tsDeclaration(
            m.typeNames.errorType,
            tsUnion(m.errors.map((e) => tsRef(e.className))),
            `The errors \`${docEscape(m.name)}\` declares, as the client throws them.`,
          ),
        )
      : [];
  return moduleText(
    "errors.ts",
    ctx.options.header,
    tsImport(["RpcError"], ctx.options.runtime, false),
    nodesText([
      ...ctx.errors.map((e) => transformError(e, flavor)),
      tsConst("errorClasses", record, {
        asConst: true,
        doc: "The error class of each code the spec declares.",
      }),
      ...unions,
    ]),
  );
}
