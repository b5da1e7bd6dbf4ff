// Usage: npx tsx scripts/assemble-execution-apis.ts <execution-apis checkout> [output.json]
// Writes what `make build` of ethereum/execution-apis writes as refs-openrpc.json, without Go.
import { writeFileSync } from "node:fs";
import { assembleExecutionApis } from "../src/assembleExecutionApis.js";

const [checkout, output] = process.argv.slice(2);
if (!checkout) {
  process.stderr.write(
    "usage: assemble-execution-apis <execution-apis checkout> [output.json]. Expected the path of a checkout, but got none.\n",
  );
  process.exit(2);
}
try {
  const text = assembleExecutionApis(checkout);
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
} catch (error) {
  process.stderr.write(`assemble-execution-apis: ${(error as Error).message}\n`);
  process.exit(1);
}
