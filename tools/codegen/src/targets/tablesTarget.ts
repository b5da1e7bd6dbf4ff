import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { enumsModule } from "./enumsModule.js";
import { errorTableModule } from "./errorTableModule.js";
import { typesModule } from "./typesModule.js";

/**
 * What the spec knows as dependency-free modules (no runtime import): the error table, the enums
 * and the types, for code that must not load a client or server runtime (`packages/engine`).
 */
export function tablesTarget(ctx: Context): GeneratedFile[] {
  return [errorTableModule(ctx), enumsModule(ctx), typesModule(ctx)];
}
