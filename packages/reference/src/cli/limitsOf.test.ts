import { defaultLimits } from "@unwind/server";
import { expect, it } from "vitest";
import { limitsOf } from "./limitsOf.js";

it("turns the limit flags into server limits, seconds into ms, and sets nothing else", () => {
  expect(limitsOf({ host: "h", port: 1 })).toEqual({});
  const limits = limitsOf({
    host: "h",
    port: 1,
    maxRequestsPerSecond: 5,
    maxConnections: 100,
    maxConnectionsPerAddress: 10,
    wsIdleTimeoutSeconds: 30,
    httpBodyTimeoutSeconds: 2,
    notificationLingerMs: 5,
    notificationMaxHeldBytes: 262_144,
    wsMaxBacklogBytes: 100_000,
  });
  expect(limits).toEqual({
    maxRequestsPerSecond: 5,
    maxConnections: 100,
    maxConnectionsPerAddress: 10,
    wsIdleTimeoutMs: 30_000,
    httpBodyTimeoutMs: 2_000,
    notificationLingerMs: 5,
    notificationMaxHeldBytes: 262_144,
    wsMaxBacklogBytes: 100_000,
  });
  for (const key of Object.keys(limits)) expect(defaultLimits).toHaveProperty(key);
});
