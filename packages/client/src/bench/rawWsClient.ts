import WebSocket from "ws";

/** The hand-written baseline: one socket, a Map of pending ids, nothing else. */
export async function rawWsClient(url: string): Promise<{
  call(method: string, params: object): Promise<unknown>;
  close(): void;
}> {
  const socket = new WebSocket(url);
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  let nextId = 1;
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.error) entry.reject(message.error);
    else entry.resolve(message.result);
  });
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return {
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}
