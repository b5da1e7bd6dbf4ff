import { startSpecServer } from "../runtime/specServer.test-helpers.js";

// Runs in a child process, so the clients' CPU time (process.cpuUsage) excludes the server's.
const server = await startSpecServer();
process.send!({ wsUrl: server.wsUrl, url: server.url });
process.on("message", async (message) => {
  if (message === "close") {
    await server.close();
    process.exit(0);
  }
});
