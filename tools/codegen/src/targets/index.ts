import type { Context } from "../context.js";
import { docsTarget } from "../docs/docsTarget.js";
import type { GeneratedFile, Target } from "../GenerateOptions.js";
import { clientTarget } from "./clientTarget.js";
import { serverTarget } from "./serverTarget.js";
import { tablesTarget } from "./tablesTarget.js";

/** The dispatch record of targets: what each one writes. */
export const targets: Readonly<Record<Target, (ctx: Context) => GeneratedFile[]>> = {
  server: serverTarget,
  client: clientTarget,
  docs: docsTarget,
  tables: tablesTarget,
};
