import type { EngineLike } from "../loadEngine.js";
import type { StandInAuth } from "./StandInAuth.js";

/** What a handler answers. */
export type HandlerResult =
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } };

/** One method of the stand-in server. */
export type Handler = (
  params: Record<string, unknown>,
  call: { accountId: number; engine: EngineLike; now: number; auth: StandInAuth },
) => HandlerResult;

/**
 * One deliberate departure from the spec: a broken server is the stand-in with one defect,
 * and the suite's own tests prove that the check named in `caughtBy` catches it.
 */
export interface Defect {
  name: string;
  description: string;
  /** The check id that must fail against this server. */
  caughtBy: string;
  /** The scenarios whose traffic shows the defect (default: those that declare `caughtBy`). */
  scenarios?: string[];
  /** Methods answered differently. */
  handlers?: Record<string, Handler>;
  /** Private methods answered without credentials (as the maker account). */
  openPrivate?: boolean;
  /** Loosened authentication. */
  auth?: { allowNonceReplay?: boolean; anySecret?: boolean };
  /** Wraps the handling of each message (text in, answer out; an array answers a batch). */
  message?: (text: string, next: (text: string) => Record<string, unknown> | undefined) => unknown;
  /** Rewrites each response object before it is sent; `undefined` sends nothing. */
  response?: (
    response: Record<string, unknown>,
    request: { method?: string; params?: unknown },
  ) => Record<string, unknown> | undefined;
}
