import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { createServerModule } from "../package/createServerModule.js";
import { channelsModule, hasChannels } from "./channelsModule.js";
import { errorsModule } from "./errorsModule.js";
import { errorTableModule } from "./errorTableModule.js";
import { handlersModule } from "./handlersModule.js";
import { indexModule, typeNames } from "./indexModule.js";
import { methodsModule } from "./methodsModule.js";
import { typesModule } from "./typesModule.js";
import { validatorsModule } from "./validatorsModule.js";

/**
 * `packages/server/src/generated/`: types, method table, validators, `Handlers`, errors, index, and
 * the error table the runtime reads its own errors from.
 */
export function serverTarget(ctx: Context): GeneratedFile[] {
  const errors = ctx.errors.map((e) => e.className);
  const packaged = ctx.options.package !== undefined;
  const channels = hasChannels(ctx);
  return [
    typesModule(ctx),
    methodsModule(ctx),
    validatorsModule(ctx),
    handlersModule(ctx),
    errorsModule(ctx),
    errorTableModule(ctx),
    ...(channels ? [channelsModule(ctx)] : []),
    ...(packaged ? [createServerModule(ctx)] : []),
    indexModule(ctx, [
      ...(packaged
        ? [{ from: "./createServer.js", values: ["createServer"], types: ["ServerOptions"] }]
        : []),
      ...(channels
        ? [
            {
              from: "./channels.js",
              values: ["channelTable"],
              types: ["ChannelDescriptor", "ChannelTable"],
            },
          ]
        : []),
      { from: "./errors.js", values: [...errors, "errorClasses"], types: [] },
      { from: "./handlers.js", values: [], types: ["Handlers"] },
      { from: "./methods.js", values: ["methods", "specVersion"], types: ["MethodTable"] },
      { from: "./types.js", values: [], types: typeNames(ctx) },
      { from: "./validators.js", values: ["validators"], types: [] },
    ]),
  ];
}
