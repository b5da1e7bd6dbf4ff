import { createHmac, timingSafeEqual } from "node:crypto";
import { clientSignatureStringToSign, httpStringToSign } from "@unwind/protocol";
import type { WebSocket } from "ws";
import {
  startWireServer,
  WireError,
  type WireRequest,
  type WireServer,
} from "./wireServer.test-helpers.js";

export const CLIENT_ID = "alice-id";
export const CLIENT_SECRET = "alice-secret";

/** HMAC computed here, independently of the client's code. */
export const hmacHex = (secret: string, message: string) =>
  createHmac("sha256", secret).update(message).digest("hex");

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface AuthServer extends WireServer {
  /** Lifetime of issued access tokens, seconds. */
  expiresIn: number;
  grants: Record<string, unknown>[];
  /** Authorization headers of private HTTP calls, with what they proved. */
  authorizations: { header: string; ok: boolean; stringToSign?: string }[];
  issued: string[];
  revokeAll(): void;
  /** Whether `public/auth` succeeded on this WebSocket connection. */
  isAuthenticated(socket: WebSocket): boolean;
}

/**
 * A wire server with Deribit-style auth, checked with node:crypto in the test itself:
 * `public/auth` (client_credentials, client_signature, refresh_token), WebSocket connections
 * authenticated by it, and HTTP Bearer, Basic and deri-hmac-sha256 for private methods.
 */
export async function startAuthServer(): Promise<AuthServer> {
  let counter = 0;
  const tokens = new Map<string, number>(); // access token -> expiry (ms)
  const refreshTokens = new Set<string>();
  const connections = new WeakSet<WebSocket>();
  const usedNonces = new Set<string>();

  const issue = (socket: WebSocket | undefined) => {
    counter++;
    const access = `access-${counter}`;
    const refresh = `refresh-${counter}`;
    tokens.set(access, Date.now() + server.expiresIn * 1000);
    refreshTokens.add(refresh);
    server.issued.push(access);
    if (socket) connections.add(socket);
    return {
      access_token: access,
      refresh_token: refresh,
      expires_in: server.expiresIn,
      token_type: "bearer",
      scope: "trade:read_write",
    };
  };
  const unauthorized = () => new WireError(13009, "unauthorized");

  const authorized = (request: WireRequest): boolean => {
    if (request.transport === "ws") return connections.has(request.socket!);
    const header = request.headers?.authorization;
    if (!header) throw new WireError(10000, "authorization_required");
    const [scheme, rest = ""] = header.split(/ (.*)/s);
    let ok = false;
    let stringToSign: string | undefined;
    if (scheme!.toLowerCase() === "bearer") ok = (tokens.get(rest) ?? 0) > Date.now();
    else if (scheme === "Basic")
      ok = Buffer.from(rest, "base64").toString("utf8") === `${CLIENT_ID}:${CLIENT_SECRET}`;
    else if (scheme === "deri-hmac-sha256") {
      const fields = Object.fromEntries(
        rest.split(",").map((kv) => kv.split("=") as [string, string]),
      );
      stringToSign = httpStringToSign(
        fields.ts!,
        fields.nonce!,
        request.httpMethod!,
        String(request.target),
        request.body ?? "",
      );
      const fresh =
        !usedNonces.has(`${fields.id}:${fields.nonce}`) &&
        Math.abs(Date.now() - Number(fields.ts)) < 60_000;
      usedNonces.add(`${fields.id}:${fields.nonce}`);
      ok =
        fields.id === CLIENT_ID &&
        fresh &&
        sameHex(fields.sig ?? "", hmacHex(CLIENT_SECRET, stringToSign));
    }
    server.authorizations.push({ header, ok, stringToSign });
    return ok;
  };

  const server = (await startWireServer({
    "public/test": () => ({ version: "1.2.26" }),
    "public/auth": (request) => {
      const p = request.params as Record<string, string>;
      server.grants.push(p);
      if (p.grant_type === "client_credentials") {
        if (p.client_id !== CLIENT_ID || p.client_secret !== CLIENT_SECRET) throw unauthorized();
      } else if (p.grant_type === "client_signature") {
        const expected = hmacHex(
          CLIENT_SECRET,
          clientSignatureStringToSign(p.timestamp!, p.nonce!, p.data!),
        );
        if (p.client_id !== CLIENT_ID || !sameHex(String(p.signature), expected))
          throw unauthorized();
      } else if (p.grant_type === "refresh_token") {
        if (!refreshTokens.delete(p.refresh_token!)) throw unauthorized();
      } else {
        throw new WireError(-32602, "Invalid params", {
          param: "grant_type",
          reason: "unknown grant",
        });
      }
      return issue(request.transport === "ws" ? request.socket : undefined);
    },
    "private/get_position": (request) => {
      if (!authorized(request)) throw unauthorized();
      return { instrument_name: request.params.instrument_name, size: "0" };
    },
    "private/close_position": (request) => {
      if (!authorized(request)) throw unauthorized();
      return { order: { order_id: "39005203453841408" }, trades: [] };
    },
  })) as AuthServer;
  server.expiresIn = 900;
  server.grants = [];
  server.authorizations = [];
  server.issued = [];
  server.revokeAll = () => tokens.clear();
  server.isAuthenticated = (socket) => connections.has(socket);
  return server;
}
