import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";

export function docsTarget(_ctx: Context): GeneratedFile[] {
  return [];
}
