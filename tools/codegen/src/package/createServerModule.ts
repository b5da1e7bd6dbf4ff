import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText } from "../renderModule.js";
import { docEscape, tsImport } from "../ts.js";

/**
 * `createServer.ts` of a generated server package: the runtime's `createServer` bound to this
 * document's method table and validators.
 */
export function createServerModule(ctx: Context): GeneratedFile {
  const title = docEscape(`${ctx.document.info.title} ${ctx.specVersion}`);
  const imports = [
    ...tsImport(["createServer as createRpcServer"], ctx.options.runtime, false),
    ...tsImport(["RunningServer", "TableServerOptions"], ctx.options.runtime),
    ...tsImport(["Handlers"], "./handlers.js"),
    ...tsImport(["methods"], "./methods.js", false),
    ...tsImport(["validators"], "./validators.js", false),
  ];
  const body = `/** The options of {@link createServer}: your handlers, then host, port, auth, limits. */
export type ServerOptions = Omit<TableServerOptions, "methods" | "validators" | "handlers"> & {
  readonly handlers: Handlers;
};

/**
 * Serves ${title} with your handlers over HTTP and WebSocket; resolves once it listens.
 *
 * @example
 * \`\`\`ts
 * const server = await createServer({ handlers });
 * console.log(server.url, server.wsUrl);
 * \`\`\`
 */
export function createServer(options: ServerOptions): Promise<RunningServer> {
  return createRpcServer({ ...options, methods, validators });
}`;
  return moduleText("createServer.ts", ctx.options.header, imports, body);
}
