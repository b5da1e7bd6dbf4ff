import type { ServerLimits } from "@unwind/server";
import type { CliOptions } from "./parseCliArgs.js";

/** The server limits the command line sets (the others keep the server's defaults). */
export function limitsOf(options: CliOptions): Partial<ServerLimits> {
  const limits: { -readonly [K in keyof ServerLimits]?: ServerLimits[K] } = {};
  if (options.maxRequestsPerSecond !== undefined) {
    limits.maxRequestsPerSecond = options.maxRequestsPerSecond;
  }
  if (options.maxConnections !== undefined) limits.maxConnections = options.maxConnections;
  if (options.maxConnectionsPerAddress !== undefined) {
    limits.maxConnectionsPerAddress = options.maxConnectionsPerAddress;
  }
  if (options.wsIdleTimeoutSeconds !== undefined) {
    limits.wsIdleTimeoutMs = options.wsIdleTimeoutSeconds * 1000;
  }
  if (options.httpBodyTimeoutSeconds !== undefined) {
    limits.httpBodyTimeoutMs = options.httpBodyTimeoutSeconds * 1000;
  }
  if (options.notificationLingerMs !== undefined) {
    limits.notificationLingerMs = options.notificationLingerMs;
  }
  if (options.notificationMaxHeldBytes !== undefined) {
    limits.notificationMaxHeldBytes = options.notificationMaxHeldBytes;
  }
  if (options.wsMaxBacklogBytes !== undefined) limits.wsMaxBacklogBytes = options.wsMaxBacklogBytes;
  return limits;
}
