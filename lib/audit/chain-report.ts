import type { ChainBreak, ChainCursor, ChainReport } from "./verify-chain";

/**
 * Assembling a verification's report from its steps (pure: the auditor's page runs it in the
 * browser, tools and tests on the server).
 */

export const MAX_BREAKS = 20;

/** Chain order is id order; a vanished anchor sorts in by its id. */
export function sortBreaks(breaks: readonly ChainBreak[]): ChainBreak[] {
  return [...breaks].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0)).slice(0, MAX_BREAKS);
}

export function chainReport(cursor: ChainCursor, breaks: readonly ChainBreak[], durationMs: number): ChainReport {
  const sorted = sortBreaks(breaks);
  return {
    ok: cursor.found === 0,
    checked: cursor.checked,
    headId: cursor.afterId,
    headHash: cursor.prevHash,
    firstBroken: sorted[0] ?? null,
    breaks: sorted,
    durationMs,
  };
}
