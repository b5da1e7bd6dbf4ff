import { createHash } from "node:crypto";
import type { EngineSnapshot } from "./snapshot.js";

/** sha256 (hex) of a snapshot's JSON: snapshots are built in a canonical order, so equal states hash equal. */
export function stateHash(snapshot: EngineSnapshot): string {
  return createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
}
