import type { Socket } from "node:net";
import { lingeringClose } from "./lingerOnClose.js";

/** Which cap refused a connection. */
export type ConnectionCap = "total" | "per_address";

/**
 * The connection caps of one server: open connections in total and per client address, counted
 * from TCP accept to close (HTTP and WebSocket alike, before any byte is read, so that sockets
 * that never send a request count too). A connection over a cap is answered at once with an HTTP
 * 503 (total) or 429 (per address) whose JSON body names the cap and its limit, then closed
 * gracefully; the HTTP server still parses what the client sends on it, and the transports ignore
 * those requests (`isRefused`).
 */
export class ConnectionCaps {
  readonly maxTotal: number;
  readonly maxPerAddress: number;
  /** Connections refused so far, by cap. */
  readonly refusedCount: Record<ConnectionCap, number> = { total: 0, per_address: 0 };
  readonly #perAddress = new Map<string, number>();
  readonly #refused = new WeakSet<Socket>();
  #open = 0;

  constructor(maxTotal: number, maxPerAddress: number) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Open connections counted against the caps. */
  get open(): number {
    return this.#open;
  }

  /** Open connections from one address. */
  openFrom(address: string): number {
    return this.#perAddress.get(address) ?? 0;
  }

  isRefused(socket: Socket): boolean {
    return this.#refused.has(socket);
  }

  /** The `node:http` server's `connection` listener. */
  readonly onConnection = (socket: Socket): void => {
    const address = socket.remoteAddress ?? "";
    const fromAddress = this.#perAddress.get(address) ?? 0;
    const cap: ConnectionCap | undefined =
      this.#open >= this.maxTotal
        ? "total"
        : fromAddress >= this.maxPerAddress
          ? "per_address"
          : undefined;
    if (cap !== undefined) {
      this.#refuse(socket, cap, address);
      return;
    }
    this.#open++;
    this.#perAddress.set(address, fromAddress + 1);
    socket.once("close", () => {
      this.#open--;
      const left = (this.#perAddress.get(address) ?? 1) - 1;
      if (left === 0) this.#perAddress.delete(address);
      else this.#perAddress.set(address, left);
    });
  };

  #refuse(socket: Socket, cap: ConnectionCap, address: string): void {
    this.#refused.add(socket);
    this.refusedCount[cap]++;
    const total = cap === "total";
    const limit = total ? this.maxTotal : this.maxPerAddress;
    const message = total
      ? `the server has ${limit} open connections, its limit. Try again later`
      : `${address} has ${limit} open connections, the limit per client address. Close one first`;
    const body = JSON.stringify({ error: "too_many_connections", message, cap, limit });
    const status = total ? "503 Service Unavailable" : "429 Too Many Requests";
    socket.on("error", () => {});
    socket.write(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
    lingeringClose(socket);
  }
}
