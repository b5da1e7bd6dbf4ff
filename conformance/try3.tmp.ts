import { runSuite } from "./src/core/runSuite.ts";
import { defects } from "./src/testing/defects.ts";
import { startBrokenReference } from "./src/testing/startBrokenReference.ts";

for (const defect of defects.slice(-2)) {
  const server = await startBrokenReference(defect);
  const report = await runSuite({
    target: server,
    accounts: server.accounts,
    seed: 1,
    only: defect.scenarios,
    timeoutMs: 2000,
  });
  for (const r of report.results.filter((r) => r.status === "failed"))
    console.log(defect.name.padEnd(20), r.transport, r.id, r.method, r.details.slice(0, 400));
  await server.close();
}
