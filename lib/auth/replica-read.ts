import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { getReplicaPrisma } from "@/lib/db/client";
import type { AuditTarget, GuardContext } from "./run-action";

type Handler<I, O> = (ctx: GuardContext, input: I) => Promise<O>;

/**
 * The guard's side of `reads: "replica"` (the officials' dashboards and CSV exports): with
 * `DATABASE_REPLICA_URL` set, the handler runs now, in a read-only REPEATABLE READ transaction
 * on the replica (one consistent snapshot), and what is returned stands in for it in the
 * guard's transaction on the primary, which then only writes the audit event the handler named.
 * Without a replica the handler is returned unchanged and runs in the guard's transaction.
 */
export async function readOnReplica<I, O>(primary: PrismaClient, handler: Handler<I, O>, ctx: Omit<GuardContext, "tx">, input: I): Promise<Handler<I, O>> {
  const replica = getReplicaPrisma(primary);
  if (replica === primary) return handler;
  let named: AuditTarget | null = null;
  const out = await replica.$transaction(
    (tx) =>
      handler(
        {
          ...ctx,
          tx,
          audit: (t) => {
            named = t;
            ctx.audit(t); // a refusal thrown after this is audited with the target too
          },
        },
        input,
      ),
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 30_000, maxWait: 30_000 },
  );
  return async (c) => {
    if (named) c.audit(named);
    return out;
  };
}
