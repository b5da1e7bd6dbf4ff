import type { BatchedConnection } from "./FrameBatcher.js";

/** Connections a frame is broadcast to by `FrameBatcher` (a channel's subscribers). */
export interface BroadcastGroup {
  /** The connections in the group now. */
  members(): readonly BatchedConnection[];
  /** Whether `connection` is in the group now. */
  has(connection: BatchedConnection): boolean;
}
