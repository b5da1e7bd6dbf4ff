import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { openrpcPath } from "@unwind/spec";

/**
 * The mock server's program: parse the spec with the mock server's own schema-utils, build the
 * server, listen on 127.0.0.1 (its transport would listen on every interface), print the URL.
 * A request without `params` makes it throw inside a promise; the harness logs that instead of
 * letting the process die, so the request just goes unanswered.
 */
const program = (entry: string, spec: string) => `
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
process.on("unhandledRejection", (e) => process.stderr.write("mock-server: " + (e && e.message) + "\\n"));
const require = createRequire(${JSON.stringify(entry)});
const mock = require(${JSON.stringify(entry)}).default;
const { parseOpenRPCDocument } = require("@open-rpc/schema-utils-js");
const document = await parseOpenRPCDocument(JSON.parse(readFileSync(${JSON.stringify(spec)}, "utf8")), { dereference: true });
const log = console.log; console.log = () => {};
const server = mock(0, document);
console.log = log;
const http = server.transports[0].server;
http.listen(0, "127.0.0.1", () => console.log("listening http://127.0.0.1:" + http.address().port));
`;

/**
 * Starts `@open-rpc/mock-server` (a server nobody here wrote) serving the unwind spec over HTTP
 * on 127.0.0.1, in a child process: it answers examples or results generated from the result
 * schemas, with no envelope timestamps, no authentication and no WebSocket.
 */
export async function startMockServer(): Promise<{
  httpUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}> {
  // The package has no `main`: its entry is build/index.js (its README's JavaScript API).
  const entry = createRequire(import.meta.url).resolve("@open-rpc/mock-server/build/index.js");
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", program(entry, openrpcPath)],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stderr.resume();
  const httpUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m !== null) resolve(m[1]!);
    });
    child.once("exit", (code) =>
      reject(new Error(`the mock server exited with ${code} before listening`)),
    );
  });
  return {
    httpUrl,
    wsUrl: `${httpUrl.replace("http:", "ws:")}/ws/api/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
