import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import type { MethodModel } from "../model.js";
import { moduleText, nodesText, printedListText } from "../renderModule.js";
import { contentDescriptorKind } from "../transform/contentDescriptor.js";
import {
  docEscape,
  tsConst,
  tsDeclaration,
  tsImport,
  tsKeyword,
  tsObject,
  tsObjectKey,
  tsProperty,
  tsRef,
  tsValue,
} from "../ts.js";

const f = ts.factory;

function descriptor(method: MethodModel, ctx: Context): Record<string, unknown> {
  const resolve = (ref: string) => ctx.types.resolve(ref);
  const common = { name: method.name };
  const params = method.params.map((p) =>
    ctx.options.target === "server"
      ? { name: p.name, required: p.required, kind: contentDescriptorKind(p.schema, resolve) }
      : { name: p.name, required: p.required },
  );
  const auth = method.auth;
  const errors = method.errors.map((e) => e.code);
  return ctx.options.target === "server"
    ? {
        ...common,
        handler: method.key,
        params,
        auth,
        matchingEngine: method.matchingEngine,
        errors,
        paramStructure: method.paramStructure,
      }
    : { ...common, key: method.key, params, paramStructure: method.paramStructure, auth, errors };
}

const clientDescriptorTypes = `/** One param of a method, as the client sends it. */
export interface ClientParamDescriptor {
  readonly name: string;
  readonly required: boolean;
}

/** One method of the spec, as the client calls it. */
export interface ClientMethodDescriptor {
  /** The JSON-RPC method name, e.g. \`private/close_position\`. */
  readonly name: string;
  /** The function of \`createMethods\` that calls it, e.g. \`closePosition\`. */
  readonly key: string;
  readonly params: readonly ClientParamDescriptor[];
  /** \`by-position\` methods (and \`either\` ones, unless generated with \`--either-params by-name\`) get their params as an array, in this order. */
  readonly paramStructure: "by-name" | "by-position" | "either";
  /** From the spec's \`x-auth\`; absent means public. */
  readonly auth: { readonly private: boolean; readonly scope?: string };
  /** Every error code the method declares. */
  readonly errors: readonly number[];
}`;

/**
 * `methods.ts`: the method table as data (`methods`, checked against the descriptor type), the
 * type table (`MethodTable`: params, result and error codes by method name) and `specVersion`.
 */
export function methodsModule(ctx: Context): GeneratedFile {
  const server = ctx.options.target === "server";
  const descriptorType = server ? "MethodDescriptor" : "ClientMethodDescriptor";
  // The two long lists are printed a batch of methods at a time (see printedListText).
  const list = "methodList";
  const table = (batch: readonly MethodModel[]) =>
    f.createTypeLiteralNode(
      batch.map((m) =>
        tsProperty(
          m.name,
          tsObject([
            tsProperty("Parameters", tsRef(m.typeNames.parameters)),
            tsProperty("ReturnType", tsRef(m.typeNames.returnType)),
            tsProperty("ErrorCode", tsRef(m.typeNames.errorCode)),
          ]),
        ),
      ),
    );
  const typeImports = ctx.methods.flatMap((m) => [
    m.typeNames.parameters,
    m.typeNames.returnType,
    m.typeNames.errorCode,
  ]);
  const methods = (batch: readonly MethodModel[]) =>
    f.createObjectLiteralExpression(
      batch.map((m) =>
        f.createPropertyAssignment(tsObjectKey(m.name), tsValue(descriptor(m, ctx))),
      ),
      true,
    );
  const imports = [
    ...(server ? tsImport(["MethodDescriptor"], ctx.options.runtime) : []),
    ...tsImport(typeImports, "./types.js"),
  ];
  return moduleText(
    "methods.ts",
    ctx.options.header,
    imports,
    [
      server ? "" : clientDescriptorTypes,
      nodesText([
        tsConst("specVersion", f.createStringLiteral(ctx.specVersion), {
          doc: `The \`info.version\` of the spec this code was generated from (${docEscape(ctx.document.info.title)}).`,
        }),
        printedListText(
          tsConst(
            "methods",
            f.createObjectLiteralExpression([f.createShorthandPropertyAssignment(list)], true),
            {
              asConst: true,
              satisfies: tsRef("Record", [tsKeyword("string"), tsRef(descriptorType)]),
              doc: server
                ? "Every method of the spec by name: what the dispatcher routes, authorises and validates with."
                : "Every method of the spec by name: what the client sends.",
            },
          ),
          list,
          ctx.methods,
          methods,
        ),
        printedListText(
          tsDeclaration(
            "MethodTable",
            tsObject([tsProperty(list, tsKeyword("never"))]),
            "The types of every method by name: its params, result and error codes.",
          ),
          list,
          ctx.methods,
          table,
        ),
      ]),
    ]
      .filter((part) => part !== "")
      .join("\n"),
  );
}
