import type { EngineLike } from "../loadEngine.js";

/** What a handler answers. */
export type HandlerResult =
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } };

/** One method of the stand-in server. */
export type Handler = (
  params: Record<string, unknown>,
  call: { accountId: number; engine: EngineLike; now: number },
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
  /** Methods answered differently. */
  handlers?: Record<string, Handler>;
  /** Private methods answered without credentials (as the maker account). */
  openPrivate?: boolean;
  /** Rewrites each response object before it is sent; `undefined` sends nothing. */
  response?: (
    response: Record<string, unknown>,
    request: { method?: string; params?: unknown },
  ) => Record<string, unknown> | undefined;
}
