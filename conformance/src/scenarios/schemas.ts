import { checkTrafficSchemas, trafficSchemaChecks } from "../checks/trafficSchemaChecks.js";
import type { Scenario } from "../core/Scenario.js";

/** Every result and error of the run so far on this transport against the spec (it runs last). */
export const schemas: Scenario = {
  name: "schemas",
  description:
    "Every result validates against its method's schema; every error is declared, with its message and data",
  checks: Object.values(trafficSchemaChecks),
  async run(ctx) {
    const d = await ctx.driver();
    await d.call("public/get_time", {});
    return checkTrafficSchemas(ctx.spec, ctx.recorder.forTransport(ctx.transport));
  },
};
