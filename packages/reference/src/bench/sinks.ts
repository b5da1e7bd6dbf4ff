import { connect } from "node:net";

// A process of plain loopback sockets that read and drop what comes, for `measureSendCost`: the
// reading side of the kernel's cost of a fan-out, apart from any WebSocket or JSON. Arguments: the
// port on 127.0.0.1 and the count of sockets. Prints "ready" once all are connected, and the
// bytes read so far (`read N`) for each line it is sent on its standard input. Reads into one
// shared buffer (`onread`), as the bench's subscribers do.

const [port, count] = process.argv.slice(2).map(Number);
const buffer = Buffer.allocUnsafe(1 << 16);
let bytes = 0;
let connected = 0;
const sockets = Array.from({ length: count! }, () =>
  connect({
    host: "127.0.0.1",
    port: port!,
    onread: {
      buffer,
      callback: (size: number): boolean => {
        bytes += size;
        return true;
      },
    },
  }).once("connect", () => {
    if (++connected === count) process.stdout.write("ready\n");
  }),
);
process.stdin.on("data", () => {
  process.stdout.write(`read ${bytes}\n`);
});
process.stdin.once("end", () => {
  for (const s of sockets) s.destroy();
  process.exit(0);
});
