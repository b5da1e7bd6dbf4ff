import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText } from "../renderModule.js";
import { docEscape, tsImport } from "../ts.js";

/**
 * `createClient.ts` of a generated client package: the runtime's generic `createClient` bound to
 * this document's methods and error classes.
 */
export function createClientModule(ctx: Context): GeneratedFile {
  const title = docEscape(`${ctx.document.info.title} ${ctx.specVersion}`);
  const imports = [
    ...tsImport(["createClient as createRpcClient"], ctx.options.runtime, false),
    ...tsImport(["RpcClient", "RpcClientOptions"], ctx.options.runtime),
    ...tsImport(["createMethods"], "./client.js", false),
    ...tsImport(["Methods"], "./client.js"),
    ...tsImport(["errorClasses"], "./errors.js", false),
  ];
  const body = `/** The options of {@link createClient}: where the server is, transport, auth hooks, timeouts. */
export type ClientOptions = Omit<RpcClientOptions<Methods>, "methods" | "errorClasses">;

/**
 * A client of ${title}: every method typed, over HTTP (\`url\`) or WebSocket (\`wsUrl\`).
 *
 * @example
 * \`\`\`ts
 * const client = createClient({ url: "http://127.0.0.1:8545" });
 * \`\`\`
 */
export function createClient(options: ClientOptions): RpcClient<Methods> {
  return createRpcClient({ ...options, methods: createMethods, errorClasses });
}`;
  return moduleText("createClient.ts", ctx.options.header, imports, body);
}
