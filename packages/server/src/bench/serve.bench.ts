import { servers } from "./servers.bench.js";

// A benchmark server in its own process, so that server and client each get a core: prints its
// port as one JSON line, and exits when its stdin closes.
const kind = process.argv[2] ?? "";
const start = servers[kind];
if (start === undefined)
  throw new Error(`unknown server ${kind}; expected ${Object.keys(servers)}`);
const server = await start();
process.stdout.write(JSON.stringify({ port: server.port }) + "\n");
process.stdin.resume();
process.stdin.on("end", () => {
  void server.close().finally(() => process.exit(0));
});
