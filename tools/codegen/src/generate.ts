import { createContext } from "./context.js";
import { readDocument } from "./document.js";
import { type GeneratedFile, type GenerateOptions, targetNames } from "./GenerateOptions.js";
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
  const context = createContext(readDocument(document), options);
  return targets[options.target](context);
}
