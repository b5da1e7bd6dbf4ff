import WebSocket from "ws";

/** A JSON-RPC answer as the soak loads read it. */
export interface RpcAnswer {
  result?: { order?: { order_id: string } } & Record<string, unknown>;
  error?: { code: number; message: string };
}

/**
 * A JSON-RPC client over one WebSocket for the soak loads: answers matched by id, and every call
 * still waiting rejects when the connection closes (a server killed with -9 answers nothing).
 */
export class RpcSocket {
  #next = 1;
  readonly #waiting = new Map<number, { resolve(a: RpcAnswer): void; reject(e: Error): void }>();

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as RpcAnswer & { id: number };
      const waiter = this.#waiting.get(message.id);
      this.#waiting.delete(message.id);
      waiter?.resolve(message);
    });
    socket.on("close", () => {
      for (const waiter of this.#waiting.values()) waiter.reject(new Error("connection closed"));
      this.#waiting.clear();
    });
    socket.on("error", () => {});
  }

  static open(url: string): Promise<RpcSocket> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve(new RpcSocket(socket)));
      socket.once("error", reject);
    });
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<RpcAnswer> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.socket.readyState !== WebSocket.OPEN) {
        reject(new Error("connection closed"));
        return;
      }
      this.#waiting.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** Authenticates the connection with client credentials; throws when that fails. */
  async auth(key: { id: string; secret: string }): Promise<void> {
    const answer = await this.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
    if (answer.result === undefined)
      throw new Error(`auth failed: ${JSON.stringify(answer.error)}`);
  }

  terminate(): void {
    this.socket.terminate();
  }
}
