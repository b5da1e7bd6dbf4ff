import type { Target } from "../core/Target.js";
import { createHttpDriver } from "../driver/createHttpDriver.js";
import { createWsDriver } from "../driver/createWsDriver.js";
import type { Transport } from "../driver/Transport.js";
import { UsageError } from "./UsageError.js";

/** Throws a {@link UsageError} (exit 2) when the server does not answer on a transport to be tested. */
export async function probeTarget(
  target: Target,
  transports: readonly Transport[],
  timeoutMs: number,
): Promise<void> {
  if (transports.includes("http")) {
    const e = await createHttpDriver({
      baseUrl: target.httpUrl,
      timeoutMs: Math.min(timeoutMs, 5000),
    }).call("public/test", {});
    if (e.error !== undefined) throw new UsageError(`server unreachable over HTTP: ${e.error}`);
  }
  if (transports.includes("ws")) {
    try {
      const ws = await createWsDriver({ url: target.wsUrl, timeoutMs: Math.min(timeoutMs, 5000) });
      await ws.close();
    } catch (error) {
      throw new UsageError(
        `server unreachable over WebSocket: ${(error as Error).message} (pass --ws-url, or --transport http)`,
      );
    }
  }
}
