import { checkDocument } from "./checkDocument.js";
import { createContext } from "./context.js";
import { readDocument } from "./document.js";
import { type GeneratedFile, type GenerateOptions, targetNames } from "./GenerateOptions.js";
import { packageFiles } from "./package/packageFiles.js";
import { targets } from "./targets/index.js";

/**
 * Generates one target from an OpenRPC 1.x document: the files to write, paths relative to the
 * output directory, in a fixed order. Same document and options, same bytes.
 *
 * @example
 * const files = generate(JSON.parse(readFileSync("openrpc.json", "utf8")), { target: "server" });
 */
export function generate(document: unknown, options: GenerateOptions): GeneratedFile[] {
  if (!targetNames.includes(options.target)) {
    throw new TypeError(
      `unknown target. Expected one of ${targetNames.join(", ")}, but got ${JSON.stringify(options.target)}.`,
    );
  }
  if (options.package && options.target === "docs") {
    throw new TypeError(
      "a package holds client or server code. Expected target client or server, but got docs.",
    );
  }
  const read = readDocument(document);
  checkDocument(read);
  const context = createContext(read, options);
  const files = targets[options.target](context);
  return options.package ? packageFiles(context, files) : files;
}
