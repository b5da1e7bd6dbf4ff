import { expect, test } from "vitest";
import { resolveEndpoints } from "./resolveEndpoints.js";

test.each([
  [
    "http://127.0.0.1:8080/api/v2",
    undefined,
    "http://127.0.0.1:8080/api/v2",
    "ws://127.0.0.1:8080/ws/api/v2",
  ],
  [
    "http://127.0.0.1:8080",
    undefined,
    "http://127.0.0.1:8080/api/v2",
    "ws://127.0.0.1:8080/ws/api/v2",
  ],
  [
    "https://www.deribit.com/api/v2/",
    undefined,
    "https://www.deribit.com/api/v2",
    "wss://www.deribit.com/ws/api/v2",
  ],
  [undefined, "ws://h:1", undefined, "ws://h:1/ws/api/v2"],
  ["http://a/api/v2", "ws://b/ws/api/v2", "http://a/api/v2", "ws://b/ws/api/v2"],
])("url %s, wsUrl %s", (url, wsUrl, http, ws) => {
  expect(resolveEndpoints(url, wsUrl)).toEqual({ http, ws });
});
