import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { createClientModule } from "../package/createClientModule.js";
import { channelsModule, hasChannels } from "./channelsModule.js";
import { clientModule } from "./clientModule.js";
import { errorsModule } from "./errorsModule.js";
import { indexModule, typeNames } from "./indexModule.js";
import { methodsModule } from "./methodsModule.js";
import { typesModule } from "./typesModule.js";

/** `packages/client/src/generated/`: types, method table, errors, the typed functions, index. */
export function clientTarget(ctx: Context): GeneratedFile[] {
  const packaged = ctx.options.package !== undefined;
  const channels = hasChannels(ctx);
  return [
    typesModule(ctx),
    methodsModule(ctx),
    errorsModule(ctx),
    clientModule(ctx),
    ...(channels ? [channelsModule(ctx)] : []),
    ...(packaged ? [createClientModule(ctx)] : []),
    indexModule(ctx, [
      ...(packaged
        ? [{ from: "./createClient.js", values: ["createClient"], types: ["ClientOptions"] }]
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
      {
        from: "./client.js",
        values: [...ctx.methods.map((m) => m.key), "createMethods"],
        types: ["Methods"],
      },
      {
        from: "./errors.js",
        values: [...ctx.errors.map((e) => e.className), "errorClasses"],
        types: ctx.methods.map((m) => m.typeNames.errorType),
      },
      {
        from: "./methods.js",
        values: ["methods", "specVersion"],
        types: ["ClientMethodDescriptor", "ClientParamDescriptor", "MethodTable"],
      },
      { from: "./types.js", values: [], types: typeNames(ctx) },
    ]),
  ];
}
