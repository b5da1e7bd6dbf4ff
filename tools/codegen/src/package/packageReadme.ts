import type { Context } from "../context.js";
import { code, fence, page, prose } from "../docs/markdown.js";
import type { MethodModel } from "../model.js";
import { exampleLiteral, transformExample } from "../transform/example.js";

/** A call of a method with its first example's params, or its params' names when it has none. */
function clientExample(ctx: Context, method: MethodModel): string {
  const errorClass = (c: number) => ctx.errors.find((e) => e.code === c)?.className;
  const example = method.examples.find((e) => e.result) ?? method.examples[0];
  if (example) return transformExample(example, method, errorClass, "client");
  const params = method.params.filter((p) => p.required).map((p) => `${p.name}: /* ... */`);
  const args = params.length > 0 ? `{ ${params.join(", ")} }` : "";
  return fence("ts", `const result = await client.${method.key}(${args});`);
}

function serverExample(method: MethodModel): string {
  const example = method.examples.find((e) => e.result);
  const value = example?.result ? exampleLiteral(example.result.value, 70, "  ") : undefined;
  const names = method.params.map((p) => p.name);
  const body = value ?? (method.result ? "/* your result */" : "undefined");
  const args = names.length > 0 ? "params" : "_params";
  return fence(
    "ts",
    `const handlers: Partial<Handlers> = {\n  ${method.key}: (${args}, context) => ${body},\n};`,
  );
}

/** The README of a generated package: what it is, how to install and use it, every method. */
export function packageReadme(ctx: Context): string {
  const pkg = ctx.options.package!;
  const info = ctx.document.info;
  const client = ctx.options.target !== "server";
  const server = ctx.document.servers?.[0]?.url;
  const url = server && /^https?:\/\//.test(server) ? server : "http://127.0.0.1:8545";
  const usage = client
    ? fence(
        "ts",
        [
          `import { createClient } from "${pkg.name}";\n`,
          `const client = createClient({ url: ${JSON.stringify(url)} }); // or wsUrl: "ws://..."`,
          ctx.methods[0] ? `const result = await client.${ctx.methods[0].key}(/* params */);` : "",
          "await client.close();",
        ]
          .filter((l) => l !== "")
          .join("\n"),
      )
    : fence(
        "ts",
        [
          `import { createServer, type Handlers } from "${pkg.name}";\n`,
          "const handlers: Handlers = { /* one function per method, below */ } as Handlers;",
          "const server = await createServer({ handlers, port: 8545 });",
          "console.log(server.url, server.wsUrl);",
        ].join("\n"),
      );
  const methods = ctx.methods.map((m) =>
    [
      `### ${code(m.name)}`,
      m.method.summary ? prose(m.method.summary.trim()) : undefined,
      `${client ? `\`client.${m.key}(params)\`` : `\`handlers.${m.key}\``}: params \`${m.typeNames.parameters}\`, result \`${m.typeNames.returnType}\`${m.result ? "" : " (a notification: no answer)"}.`,
      client ? clientExample(ctx, m) : serverExample(m),
    ]
      .filter(Boolean)
      .join("\n\n"),
  );
  return page(ctx.options.header, [
    `# ${pkg.name}`,
    `A typed ${client ? "client" : "server"} for **${info.title} ${info.version}**, generated from its OpenRPC document by \`unwind-codegen\`. The runtime is \`${ctx.options.runtime}\`.`,
    prose(info.description),
    `## Install and build\n\n${fence("sh", "npm install && npm run build")}`,
    `## Use\n\n${usage}`,
    client
      ? "Errors the document declares reject with their own class (`errorClasses`, one per code); every class extends `RpcError`."
      : "Throw an error class of `errors.ts` (or `RpcError`) from a handler to answer a JSON-RPC error.",
    `## Methods\n\n${ctx.methods.length > 0 ? methods.join("\n\n") : "None."}`,
  ]);
}
