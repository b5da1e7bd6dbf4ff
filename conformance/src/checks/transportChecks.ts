import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const perMethod = specRef(undefined, "/x-transports/http/perMethod");

/** Checks of the transports themselves: frames, whole answers, the per-method HTTP form. */
export const transportChecks = {
  wsTextFrames: defineCheck({
    id: "ws-text-frames",
    description:
      "Every WebSocket answer of the run comes in a text frame, not a binary one (WebSocket only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/websocket", "one message per text frame")],
  }),
  wsAnswerOnce: defineCheck({
    id: "ws-answer-once",
    description:
      "Every WebSocket request of the run is answered once: no second answer with its id, none after the suite stopped waiting; each reported against the request whose id it carries (WebSocket only)",
    method: "*",
    specReferences: [
      specRef(undefined, "/x-response-envelope/properties/id"),
      specRef(undefined, "/x-transports/websocket"),
    ],
  }),
  httpLargeAnswer: defineCheck({
    id: "http-large-answer",
    description:
      "An answer of many kilobytes (the open orders after resting 20 labelled ones) arrives whole over HTTP: complete JSON listing every order (HTTP only)",
    method: "private/get_open_orders_by_instrument",
    specReferences: [specRef(undefined, "/x-transports/http")],
  }),
  httpGetPrivate: defineCheck({
    id: "http-get-private-auth",
    description:
      "GET /api/v2/private/{method}?... honours Authorization: Bearer and Basic serve it, none answers 10000 (HTTP only)",
    method: "private/get_position",
    specReferences: [perMethod, specRef(undefined, "/x-auth-schemes/http")],
  }),
  httpPostMethodBody: defineCheck({
    id: "http-post-method-body",
    description:
      "POST /api/v2/{method} takes the params from a JSON object body or from the query string; both at once, or a JSON-RPC request as the body, answer -32600 (HTTP only)",
    method: "*",
    specReferences: [perMethod, specRef(undefined, "/components/errors/InvalidRequest")],
  }),
};
