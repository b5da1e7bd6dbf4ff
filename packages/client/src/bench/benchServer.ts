import { parentPort } from "node:worker_threads";
import { startSpecServer } from "../runtime/specServer.test-helpers.js";

// Runs in a worker thread so the server's work does not share the clients' event loop.
const server = await startSpecServer();
parentPort!.postMessage({ wsUrl: server.wsUrl, url: server.url });
parentPort!.on("message", async (message) => {
  if (message === "close") {
    await server.close();
    parentPort!.postMessage("closed");
  }
});
