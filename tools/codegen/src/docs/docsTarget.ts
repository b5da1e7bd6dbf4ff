import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { indexPage } from "./indexPage.js";
import { methodPage } from "./methodPage.js";
import { schemasPageFile } from "./schemasPage.js";

/** `spec/docs/`: `README.md` (the index), `schemas.md`, and a page per method under `methods/`. */
export function docsTarget(ctx: Context): GeneratedFile[] {
  return [indexPage(ctx), schemasPageFile(ctx), ...ctx.methods.map((m) => methodPage(ctx, m))];
}
