import { createHmac } from "node:crypto";
import { walkObjects } from "./tradingDefectKit.js";
import type { NotificationHandler, WsProxyConnection } from "./WireDefect.js";

type Obj = Record<string, any>;

/** The same edit on every object of every notification's data (what the server notifies too). */
export const editNotifications =
  (fn: (o: Obj) => void) =>
  (connection: WsProxyConnection): NotificationHandler => ({
    notification(message) {
      walkObjects((message["params"] as Obj | undefined)?.["data"], fn);
      connection.send(message);
    },
  });

/** A pause. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const JWT_HEAD = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const JWT_KEY = "benign-jwt-tokens";
const JWT = new RegExp(`${JWT_HEAD}\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]{43})`, "g");

const sign = (payload: string) => createHmac("sha256", JWT_KEY).update(payload).digest("base64url");

/**
 * Tokens of another shape: the reference's token wrapped as a JWT (header, a payload naming the
 * token and its issuer, an HMAC), about 300 characters. {@link jwtInward} maps one back; a
 * tampered one maps to a token the reference never issued.
 */
export function jwtOutward(token: string): string {
  const payload = Buffer.from(
    JSON.stringify({ iss: "edge-7.example", sub: "api", tok: token, aud: ["trade", "wallet"] }),
  ).toString("base64url");
  return `${JWT_HEAD}.${payload}.${sign(payload)}`;
}

/** Every JWT-shaped token in `text` replaced by the reference's token it stands for. */
export function jwtInward(text: string): string {
  return text.replace(JWT, (_, payload: string, signature: string) => {
    if (sign(payload) !== signature) return "forged.token.value";
    try {
      const tok = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))["tok"];
      return typeof tok === "string" ? tok : "forged.token.value";
    } catch {
      return "forged.token.value";
    }
  });
}

const MOD = 2n ** 60n;
// Odd, so multiplying by it is a bijection modulo 2^60 (the golden-ratio constant, cut to 60 bits).
const MUL = 0x9e3779b97f4a7c15n % MOD;

/** A reference trade id as a unique 19-digit id in no particular order (a bijection mod 2^60). */
export const scrambledTradeId = (id: string): string =>
  String(((BigInt(id) * MUL) % MOD) + 1_000_000_000_000_000_000n);

/** Gaps between consecutive order ids of {@link gappedOrderIds}. */
const GAP = 1000n;

/** A reference order id as a larger one: still increasing, with gaps (`n * 1000 + n % 997`). */
export const gappedOrderId = (id: string): string => {
  const n = BigInt(id);
  return String(n * GAP + (n % 997n));
};

/** The reference order id a gapped one stands for, or `"0"` (no order) when it stands for none. */
export const referenceOrderId = (id: string): string => {
  const n = BigInt(id) / GAP;
  return n > 0n && gappedOrderId(String(n)) === id ? String(n) : "0";
};

/** Two bytes whose base64 is `+/`, so that every {@link base64Outward} token has both. */
const B64_HEAD = Buffer.from([0xfb, 0xff]);

/**
 * Tokens in standard base64 (`+`, `/` and `=` padding, as many servers issue them): the reference's
 * token behind two bytes that print as `+/`. They must be percent-encoded in a query string.
 */
export const base64Outward = (token: string): string =>
  Buffer.concat([B64_HEAD, Buffer.from(token)]).toString("base64");

/** The reference token a base64 token stands for (a mangled one stands for none). */
export function base64Inward(token: string): string {
  const bytes = Buffer.from(token, "base64");
  if (!token.startsWith("+/") || bytes.toString("base64") !== token) return "mangled.token.value";
  return bytes.subarray(2).toString("utf8");
}

/** Every base64 token in JSON text (a string starting `+/`) replaced by the reference's. */
export const base64InwardText = (text: string): string =>
  text.replace(/"(\+\/[A-Za-z0-9+/]*={0,2})"/g, (_, t: string) => `"${base64Inward(t)}"`);
