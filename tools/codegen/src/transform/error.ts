import { ts } from "ts-morph";
import type { ErrorModel } from "../model.js";
import {
  docEscape,
  tsClass,
  tsClassProperty,
  tsId,
  tsKeyword,
  tsObject,
  tsParameter,
  tsProperty,
  tsSuperConstructor,
  tsValue,
} from "../ts.js";

const f = ts.factory;

/** The TSDoc of an error class: code and message, then the spec's description of the error. */
export function errorDoc(error: ErrorModel): string {
  const head = `\`${error.code}\` ${docEscape(error.message)}${error.key ? ` (\`components.errors.${docEscape(error.key)}\`)` : ""}.`;
  return error.description ? `${head}\n\n${docEscape(error.description.trim())}` : head;
}

/**
 * An error as a class with a static `code`. Server classes are thrown by handlers:
 * `new OtherRejectError(data?)` carries the spec's code and message. Client classes are built by
 * the client runtime from the wire error and keep `RpcError`'s constructor.
 */
export function transformError(error: ErrorModel, flavor: "server" | "client"): ts.Statement {
  const code = tsClassProperty("code", tsValue(error.code), {
    static: true,
    override: flavor === "client",
    readonly: true,
  });
  const name = tsClassProperty("name", f.createStringLiteral(error.className), {
    override: true,
    readonly: true,
    type: tsKeyword("string"),
  });
  if (flavor === "client")
    return tsClass(error.className, "RpcError", [code, name], errorDoc(error));
  const init = tsSuperConstructor(
    [
      tsParameter("data", tsKeyword("unknown"), true),
      tsParameter(
        "options",
        tsObject([tsProperty("cause", tsKeyword("unknown"), { optional: true })], true),
        true,
      ),
    ],
    [tsValue(error.code), f.createStringLiteral(error.message), tsId("data"), tsId("options")],
  );
  const message = tsClassProperty("message", f.createStringLiteral(error.message), {
    static: true,
    readonly: true,
    doc: "The message the spec gives this error.",
  });
  return tsClass(error.className, "RpcError", [code, message, name, init], errorDoc(error));
}
