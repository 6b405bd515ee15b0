import type { GraphQLFormattedError } from 'graphql';

/** Attempts in all, the first included, before a retryable error is given to the caller. */
export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 200;

/**
 * The gateway's retry rule, one place for both clients: an answer may be sent again only when every error says
 * `extensions.retryable: true`; then after `extensions.retryAfterMs` when one gives it (the longest), else after a
 * doubling backoff. Null: do not retry (a write whose outcome is unknown, for one, is not retryable).
 */
export function retryDelayMs(errors: readonly GraphQLFormattedError[] | undefined, attempt: number): number | null {
  if (!errors || errors.length === 0 || !errors.every((error) => error.extensions?.retryable === true)) {
    return null;
  }
  const retryAfter = Math.max(0, ...errors.map((error) => Number(error.extensions?.retryAfterMs) || 0));
  return retryAfter > 0 ? retryAfter : BACKOFF_MS * 2 ** (attempt - 1);
}
