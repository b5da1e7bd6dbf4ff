import type { Defect, NotificationHandler, WsProxyConnection } from "./WireDefect.js";

type Obj = Record<string, any>;

/** Passes notifications on after `fn` edits them (`undefined`: dropped). */
const editNotifications =
  (fn: (message: Obj, connection: WsProxyConnection) => Obj | undefined) =>
  (connection: WsProxyConnection): NotificationHandler => ({
    notification(message) {
      const out = fn(structuredClone(message), connection);
      if (out !== undefined) connection.send(out);
    },
  });

/** Edits the `data` of the subscription notifications of channels starting with `prefix`. */
const onChannel = (prefix: string, fn: (data: any, params: Obj) => unknown) =>
  editNotifications((m) => {
    const params = m["params"] as Obj | undefined;
    if (m["method"] !== "subscription" || !String(params?.["channel"]).startsWith(prefix)) return m;
    const data = fn(params!["data"], params!);
    if (data === undefined) return undefined;
    params!["data"] = data;
    return m;
  });

/** Rewrites the method of requests (WebSocket and HTTP alike). */
const renameMethods = (names: Record<string, string>) => (text: string) => {
  try {
    const o = JSON.parse(text) as Obj;
    const name = typeof o["method"] === "string" ? o["method"].replace(/^\//, "") : "";
    return name in names ? JSON.stringify({ ...o, method: names[name] }) : text;
  } catch {
    return text;
  }
};

const S = ["subscriptions"];

/** A book or trades channel at the 100ms interval. */
const INTERVAL_100MS = /^(book|trades)\..+\.100ms$/;
/** The raw channel of a 100ms one. */
const asRaw = (channel: string) => channel.replace(/\.100ms$/, ".raw");

/** The line breaks a channel's name loses in `channel-line-break-accepted`. */
const LINE_BREAKS = /[\r\n\u2028]/g;

/** Drops the line breaks of the channel names a subscribe asks for (WebSocket and HTTP alike). */
const channelsWithoutBreaks = (text: string) => {
  try {
    const o = JSON.parse(text) as Obj;
    const channels = o["params"]?.["channels"];
    if (!/^\/?(public|private)\/subscribe$/.test(String(o["method"])) || !Array.isArray(channels))
      return text;
    const kept = channels.map((ch) => (typeof ch === "string" ? ch.replace(LINE_BREAKS, "") : ch));
    return JSON.stringify({ ...o, params: { ...o["params"], channels: kept } });
  } catch {
    return text;
  }
};

/** A `book.*.raw` channel. */
const RAW_BOOK = /^book\..+\.raw$/;

/** Broken servers for the subscriptions scenario, each caught by one of its checks. */
export const subscriptionDefects: Defect[] = [
  {
    name: "notifications-after-response",
    description:
      "sends a call's notifications after its response (held until the next answer is written)",
    caughtBy: "notifications-before-response",
    scenarios: S,
    wsNotifications: (connection) => {
      const held: Obj[] = [];
      return {
        notification: (m) => void held.push(m),
        answered: () => {
          for (const m of held.splice(0)) connection.send(m);
        },
      };
    },
  },
  {
    name: "book-change-gap",
    description: "loses the first book change after the snapshot: prev_change_id jumps",
    caughtBy: "book-change-chain",
    scenarios: S,
    wsNotifications: (connection) => {
      let seen = 0;
      return editNotifications((m) =>
        String(m["params"]?.["channel"]).startsWith("book.") && ++seen === 2 ? undefined : m,
      )(connection);
    },
  },
  {
    name: "user-channels-leak",
    description:
      "sends every user.* notification to every connection subscribed to the channel, whatever its account",
    caughtBy: "user-channels-isolated",
    scenarios: S,
    wsNotifications: (connection) => ({
      notification(m) {
        connection.send(m);
        const channel = String((m["params"] as Obj | undefined)?.["channel"]);
        if (!channel.startsWith("user.")) return;
        for (const other of connection.others())
          if (other.channels.has(channel) && other.account !== connection.account) other.send(m);
      },
    }),
  },
  {
    name: "unsubscribe-ignored",
    description:
      "answers unsubscribe with the channels but keeps them subscribed (it subscribes them again)",
    caughtBy: "unsubscribe-stops",
    scenarios: S,
    request: renameMethods({
      "public/unsubscribe": "public/subscribe",
      "private/unsubscribe": "private/subscribe",
    }),
  },
  {
    name: "unsubscribe-all-ignored",
    description: 'answers unsubscribe_all "ok" and unsubscribes nothing',
    caughtBy: "unsubscribe-all",
    scenarios: S,
    // The scenario calls get_time nowhere else: its answer stands for unsubscribe_all's.
    request: renameMethods({
      "public/unsubscribe_all": "public/get_time",
      "private/unsubscribe_all": "public/get_time",
    }),
    response: (r, request) =>
      request.method === "public/get_time" && "result" in r ? { ...r, result: "ok" } : r,
  },
  {
    name: "close-order-notified-price",
    description: "user.orders notifications carry the order's price one tick off the answer's",
    caughtBy: "user-orders-close-order",
    scenarios: S,
    wsNotifications: onChannel("user.orders.", (o) => ({
      ...o,
      price: String(Number(o.price) + 0.5),
    })),
  },
  {
    name: "kind-currency-channels-silent",
    description:
      "accepts user.orders.any.any.raw and user.trades.any.any.raw but never sends anything on them",
    caughtBy: "user-kind-currency-channels",
    scenarios: S,
    wsNotifications: editNotifications((m) =>
      String(m["params"]?.["channel"]).split(".").length === 5 ? undefined : m,
    ),
  },
  {
    name: "kind-currency-orders-stale",
    description:
      "sends on user.orders.any.any.raw the order as it was when placed, not after the command",
    caughtBy: "user-kind-currency-channels",
    scenarios: S,
    wsNotifications: onChannel("user.orders.any.", (o) => ({
      ...o,
      order_state: "open",
      filled_amount: "0",
    })),
  },
  {
    name: "user-trades-first-only",
    description: "user.trades brings only the first trade of a command",
    caughtBy: "user-trades-close",
    scenarios: S,
    wsNotifications: onChannel("user.trades.", (ts) => (Array.isArray(ts) ? ts.slice(0, 1) : ts)),
  },
  {
    name: "position-never-flat",
    description: "user.changes leaves out a position that went flat, so it never shows size 0",
    caughtBy: "user-changes-position-flat",
    scenarios: S,
    wsNotifications: onChannel("user.changes.", (d) => ({
      ...d,
      positions: (d.positions ?? []).filter((p: Obj) => Number(p["size"]) !== 0),
    })),
  },
  {
    name: "book-snapshot-missing",
    description: "a new book subscriber gets no snapshot, only the changes after it",
    caughtBy: "book-snapshot-first",
    scenarios: S,
    wsNotifications: onChannel("book.", (d) => (d?.type === "snapshot" ? undefined : d)),
  },
  {
    name: "book-deletes-dropped",
    description: "book changes never carry delete levels: a level that emptied stays in a mirror",
    caughtBy: "book-levels-consistent",
    scenarios: S,
    wsNotifications: onChannel("book.", (d) => ({
      ...d,
      bids: (d.bids ?? []).filter((l: unknown[]) => l[0] !== "delete"),
      asks: (d.asks ?? []).filter((l: unknown[]) => l[0] !== "delete"),
    })),
  },
  {
    name: "public-trades-maker-direction",
    description: "trades.* carry the maker's direction instead of the taker's",
    caughtBy: "public-trades-match-fills",
    scenarios: S,
    wsNotifications: onChannel("trades.", (ts) =>
      (ts as Obj[]).map((t) => ({ ...t, direction: t["direction"] === "buy" ? "sell" : "buy" })),
    ),
  },
  {
    name: "label-dropped",
    description: "private/subscribe's label never reaches the notifications",
    caughtBy: "subscription-label",
    scenarios: S,
    wsNotifications: editNotifications((m) => {
      if (m["params"]) delete m["params"]["label"];
      return m;
    }),
  },
  {
    name: "notified-amounts-as-numbers",
    description: "user.orders notifications write amounts as JSON numbers, not decimal strings",
    caughtBy: "subscription-data-schema",
    scenarios: S,
    wsNotifications: onChannel("user.orders.", (o) => ({ ...o, amount: Number(o.amount) })),
  },
  {
    name: "subscribe-answers-first-only",
    description: "subscribe answers only the first channel of the list (all are subscribed)",
    caughtBy: "subscribe-answer",
    scenarios: S,
    response: (r, request) =>
      /subscribe$/.test(request.method ?? "") &&
      !/unsubscribe/.test(request.method ?? "") &&
      Array.isArray(r["result"])
        ? { ...r, result: r["result"].slice(0, 1) }
        : r,
  },
  {
    name: "interval-agg2-served",
    description: "serves an agg2 channel as if raw instead of refusing it",
    caughtBy: "subscribe-bad-channel",
    scenarios: S,
    request: (text) => text.replace(/\.agg2"/g, '.raw"'),
  },
  {
    name: "100ms-served-as-raw",
    description:
      "serves book and trades at 100ms as raw under the 100ms name: every change at once, one message per command",
    caughtBy: "book-100ms-aggregated",
    scenarios: S,
    request: (text) => {
      try {
        const o = JSON.parse(text) as Obj;
        const channels = o["params"]?.["channels"];
        if (!/subscribe$/.test(String(o["method"])) || !Array.isArray(channels)) return text;
        const asked = channels.filter((ch) => INTERVAL_100MS.test(String(ch)));
        if (asked.length === 0) return text;
        // The names asked for ride along (an undeclared param is ignored) for the answer's edit.
        const raw = channels.map((ch) => (asked.includes(ch) ? asRaw(ch) : ch));
        const params = { ...o["params"], channels: raw, served_as_raw: asked };
        return JSON.stringify({ ...o, params });
      } catch {
        return text;
      }
    },
    response: (r, request) => {
      const asked = (request.params as Obj | undefined)?.["served_as_raw"];
      if (!Array.isArray(asked) || !Array.isArray(r["result"])) return r;
      const names = new Map(asked.map((ch: string) => [asRaw(ch), ch]));
      return { ...r, result: r["result"].map((ch: string) => names.get(ch) ?? ch) };
    },
    wsNotifications: (connection) => {
      // The raw channels this connection asked for at 100ms: their notifications are renamed.
      const renamed = new Set<string>();
      return {
        notification(m) {
          const params = m["params"] as Obj | undefined;
          const channel = String(params?.["channel"]);
          if (params !== undefined && renamed.has(channel))
            connection.send({
              ...m,
              params: { ...params, channel: channel.replace(/\.raw$/, ".100ms") },
            });
          else connection.send(m);
        },
        answered(request, answer) {
          const channels = (request.params as Obj | undefined)?.["channels"];
          if (!/\/subscribe$/.test(request.method ?? "") || !Array.isArray(channels)) return;
          if ((answer as Obj | undefined)?.["result"] === undefined) return;
          for (const ch of channels) if (INTERVAL_100MS.test(String(ch))) renamed.add(asRaw(ch));
        },
      };
    },
  },
  {
    name: "100ms-trades-dropped",
    description:
      "trades.*.100ms loses the first trade of a message that lists several (and every second message of one trade)",
    caughtBy: "trades-100ms",
    scenarios: S,
    wsNotifications: (connection) => {
      let single = 0;
      return editNotifications((m) => {
        const params = m["params"] as Obj | undefined;
        if (!/^trades\..+\.100ms$/.test(String(params?.["channel"]))) return m;
        const data = params!["data"];
        if (Array.isArray(data) && data.length > 1) params!["data"] = data.slice(1);
        else if (++single % 2 === 0) return undefined;
        return m;
      })(connection);
    },
  },
  {
    name: "100ms-book-gap",
    description: "loses the first book.*.100ms change after the snapshot: prev_change_id jumps",
    caughtBy: "book-100ms",
    scenarios: S,
    wsNotifications: (connection) => {
      let seen = 0;
      return editNotifications((m) =>
        /^book\..+\.100ms$/.test(String(m["params"]?.["channel"])) && ++seen === 2 ? undefined : m,
      )(connection);
    },
  },
  {
    name: "websocket-only-served-over-http",
    description: "over HTTP the websocket-only methods answer a result instead of 10030",
    caughtBy: "websocket-only-over-http",
    scenarios: S,
    response: (r) =>
      (r["error"] as Obj | undefined)?.["code"] === 10030
        ? {
            jsonrpc: r["jsonrpc"],
            id: r["id"],
            result: "ok",
            usIn: r["usIn"],
            usOut: r["usOut"],
            usDiff: r["usDiff"],
            testnet: r["testnet"],
          }
        : r,
  },
  {
    name: "cancel-on-disconnect-ignored",
    description:
      "answers enable_cancel_on_disconnect ok and get_cancel_on_disconnect enabled, but leaves the orders open",
    caughtBy: "cancel-on-disconnect",
    scenarios: S,
    request: renameMethods({
      "private/enable_cancel_on_disconnect": "private/disable_cancel_on_disconnect",
    }),
    response: (r, request) =>
      request.method === "private/get_cancel_on_disconnect" && r["result"]
        ? { ...r, result: { ...(r["result"] as Obj), enabled: true } }
        : r,
  },
  {
    name: "channel-line-break-accepted",
    description:
      "reads a channel's name without its line breaks: book.{instrument}\\n.raw is answered and served as book.{instrument}.raw",
    caughtBy: "channel-line-break-refused",
    scenarios: S,
    request: channelsWithoutBreaks,
  },
  {
    name: "book-changes-after-answers",
    description:
      "on an authenticated connection, sends book changes from a timer 5 ms after their command, while it answers every call (the command and a public/unsubscribe after it) at once",
    caughtBy: "pipelined-notifications-order",
    scenarios: S,
    wsNotifications: (connection) => ({
      notification(m) {
        const params = m["params"] as Obj | undefined;
        if (
          connection.account !== undefined &&
          RAW_BOOK.test(String(params?.["channel"])) &&
          params?.["data"]?.["type"] === "change"
        )
          setTimeout(() => connection.send(m), 5);
        else connection.send(m);
      },
    }),
  },
  {
    name: "book-stale-change-after-resubscribe",
    description:
      "after a book subscriber's second snapshot, sends again the last change the first subscription got (prev_change_id lower than the snapshot's change_id)",
    caughtBy: "book-resubscribe-chain",
    scenarios: S,
    wsNotifications: (connection) => {
      const last = new Map<string, Obj>();
      const snapshots = new Map<string, number>();
      return {
        notification(m) {
          connection.send(m);
          const params = m["params"] as Obj | undefined;
          const channel = String(params?.["channel"]);
          if (!RAW_BOOK.test(channel)) return;
          if (params?.["data"]?.["type"] !== "snapshot") {
            last.set(channel, m);
            return;
          }
          const seen = (snapshots.get(channel) ?? 0) + 1;
          snapshots.set(channel, seen);
          const stale = last.get(channel);
          if (seen > 1 && stale !== undefined) connection.send(stale);
        },
      };
    },
  },
  {
    name: "cancel-on-disconnect-current-account",
    description:
      "at a connection's close, cancel on disconnect cancels the orders of the account the connection is authenticated as then, not of the one that enabled it",
    caughtBy: "cancel-on-disconnect-reauth",
    scenarios: S,
    // The reference keeps the enabling account on the connection; forgetting it after every
    // public/auth makes the close fall back to the connection's account.
    wrapHandlers: (handlers) => ({
      ...handlers,
      "public/auth": async (params, context) => {
        const answer = await handlers["public/auth"]!(params, context);
        if (context.connection !== undefined)
          context.connection.cancelOnDisconnectAccount = undefined;
        return answer;
      },
    }),
  },
  {
    name: "heartbeat-never-sent",
    description: "answers set_heartbeat ok but never sends a heartbeat",
    caughtBy: "heartbeat-sent",
    scenarios: S,
    slow: true,
    wsNotifications: editNotifications((m) => (m["method"] === "heartbeat" ? undefined : m)),
  },
];
