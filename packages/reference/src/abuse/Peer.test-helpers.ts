import type { Socket } from "node:net";
import { WebSocket } from "ws";
import { maskedTextFrame } from "../testing/maskedTextFrame.test-helpers.js";

/** The peers opened so far: a test file's `afterEach` terminates them. */
export const peers: Peer[] = [];

/** How {@link Peer.open} connects. */
export interface PeerOptions {
  /** Authenticates with these client credentials (throws if that fails). */
  readonly key?: { readonly id: string; readonly secret: string };
  /** The client's address (any of 127.0.0.0/8 is loopback). */
  readonly localAddress?: string;
}

/** A WebSocket JSON-RPC client that keeps every message in arrival order. */
export class Peer {
  readonly messages: any[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #next = 1;
  readonly #waiting = new Map<number, (m: any) => void>();
  #watchers: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("error", () => {});
    this.closed = new Promise((resolve) =>
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on("message", (data: Buffer) => {
      const m = JSON.parse(data.toString());
      this.messages.push(m);
      if (m.id !== undefined) {
        const w = this.#waiting.get(m.id);
        this.#waiting.delete(m.id);
        w?.(m);
      }
      const watchers = this.#watchers;
      this.#watchers = [];
      for (const f of watchers) f();
    });
  }

  static async open(url: string, options: PeerOptions = {}): Promise<Peer> {
    const { key, localAddress } = options;
    const ws = new WebSocket(url, {
      perMessageDeflate: false,
      ...(localAddress === undefined ? {} : { localAddress }),
    });
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    const p = new Peer(ws);
    peers.push(p);
    if (key !== undefined) await p.auth(key);
    return p;
  }

  get socket(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  #request(method: string, params: Record<string, unknown>): [string, Promise<any>] {
    const id = this.#next++;
    const answer = new Promise<any>((resolve) => this.#waiting.set(id, resolve));
    return [JSON.stringify({ jsonrpc: "2.0", id, method, params }), answer];
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const [text, answer] = this.#request(method, params);
    this.ws.send(text);
    return answer;
  }

  /** Every request in ONE write on the socket; their answers, in order. */
  pipeline(requests: [string, Record<string, unknown>][]): Promise<any>[] {
    const frames: Buffer[] = [];
    const answers: Promise<any>[] = [];
    for (const [method, params] of requests) {
      const [text, answer] = this.#request(method, params);
      frames.push(maskedTextFrame(text));
      answers.push(answer);
    }
    this.socket.write(Buffer.concat(frames));
    return answers;
  }

  async auth(key: { readonly id: string; readonly secret: string }): Promise<void> {
    const a = await this.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
    if (a.error !== undefined) throw new Error(`public/auth failed: ${JSON.stringify(a.error)}`);
  }

  /** The data of the notifications of one channel so far. */
  notes(channel: string): any[] {
    return this.messages
      .filter((m) => m.method === "subscription" && m.params.channel === channel)
      .map((m) => m.params.data);
  }

  /** Index in `messages` of the answer with this id. */
  answerIndex(id: number): number {
    return this.messages.findIndex((m) => m.id === id);
  }

  /** Resolves once a message satisfies `test` (already received ones included). */
  waitFor(test: (m: any) => boolean): Promise<any> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.messages.find(test);
        if (found !== undefined) resolve(found);
        else this.#watchers.push(check);
      };
      check();
    });
  }
}
