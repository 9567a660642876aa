import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { Role, SessionUser } from "./roles";
import { isDomainError } from "@/lib/errors";
import { deniedDetails } from "@/lib/audit/denied-details";
import { auditCall, auditDenied, parseInput, requireRole, type AuditTarget } from "./run-action";

/**
 * The read path: the read-only sibling of `runAction`. Pages and route handlers read through
 * query definitions in `lib/<domain>/` and never hold the database client themselves
 * (`runQuery` in lib/auth/guard.ts gets it; ESLint forbids `@/lib/db/*` in app/ and components/).
 *
 * - role: another role → `not_found`, and the refusal is audited as `<action>.denied`, like runAction;
 * - scope: the handler is given the user and checks scope itself (lib/auth/scope.ts), throwing
 *   `not_found`/`forbidden`, which is audited as a refusal too;
 * - personal data: a handler calls `ctx.audit({...})` when what it returns shows a person's data;
 *   the view is then recorded as an audit event (action `<action>` unless the target names one).
 * No transaction and no write other than that audit event.
 */
export type QueryContext = {
  user: SessionUser;
  ip: string;
  db: Db;
  /** Record this read as a view of personal data (written after the handler returns). */
  audit: (target: AuditTarget) => void;
};

export type QueryOptions<I> = {
  roles: readonly Role[];
  /** Audit action name of a view or a refusal, e.g. "filing.view". */
  action: string;
  /** Input schema (query strings, route params). Without one the input is handed over as given. */
  schema?: z.ZodType<I>;
};

export type QueryDef<I, O> = {
  kind: "query";
  opts: QueryOptions<I>;
  handler: (ctx: QueryContext, input: I) => Promise<O>;
};

export function defineQuery<I = void, O = unknown>(opts: QueryOptions<I>, handler: (ctx: QueryContext, input: I) => Promise<O>): QueryDef<I, O> {
  return { kind: "query", opts, handler };
}

/** Runs a query definition for `user` on `prisma` (tests call it directly with a test database). */
export async function executeQuery<I, O>(prisma: PrismaClient, user: SessionUser, ip: string, def: QueryDef<I, O>, rawInput?: unknown): Promise<O> {
  const { opts, handler } = def;
  await requireRole(prisma, user, ip, opts);
  const input = opts.schema ? parseInput(opts.schema, rawInput) : (rawInput as I);
  let target: AuditTarget | null = null;
  try {
    const out = await handler({ user, ip, db: prisma, audit: (t) => void (target = t) }, input);
    const t = target as AuditTarget | null;
    if (t) {
      // The audit chain takes a transaction-scoped lock: one short transaction for the event.
      await prisma.$transaction((tx) => auditCall(tx, user, ip, opts.action, t));
    }
    return out;
  } catch (e) {
    if (isDomainError(e) && ["forbidden", "not_found"].includes(e.code)) {
      await auditDenied(prisma, user, ip, opts.action, deniedDetails(e), target as AuditTarget | null);
    }
    throw e;
  }
}
