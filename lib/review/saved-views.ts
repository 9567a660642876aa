import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction } from "@/lib/auth/run-action";
import { notFound } from "@/lib/errors";
import { deleteQueueViewSchema, saveQueueViewSchema } from "./schemas";

/** Saved queue views: a name and the queue's parameters (tab, channel, only mine) — never personal data. */
export const saveQueueViewDef = defineAction({ roles: ["clerk"], action: "review.view.save", schema: saveQueueViewSchema }, async (ctx, input) => {
  const query = input.query as Prisma.InputJsonValue;
  const v = await ctx.tx.savedQueueView.upsert({
    where: { userId_name: { userId: ctx.user.id, name: input.name } },
    create: { userId: ctx.user.id, name: input.name, query },
    update: { query },
  });
  ctx.audit({ entityType: "queue_view", entityId: v.id });
  return { id: v.id };
});

export const deleteQueueViewDef = defineAction({ roles: ["clerk"], action: "review.view.delete", schema: deleteQueueViewSchema }, async (ctx, input) => {
  const res = await ctx.tx.savedQueueView.deleteMany({ where: { id: input.id, userId: ctx.user.id } });
  if (res.count === 0) throw notFound("视图");
  ctx.audit({ entityType: "queue_view", entityId: input.id });
  return { deleted: true };
});

/** The href of a saved view. */
export function savedViewHref(query: unknown): string {
  const q = (query ?? {}) as { tab?: string; channel?: string; mine?: boolean; sort?: string };
  const s = new URLSearchParams({ tab: q.tab ?? "new" });
  if (q.channel) s.set("channel", q.channel);
  if (q.mine) s.set("mine", "1");
  if (q.sort) s.set("sort", q.sort);
  return `/clerk?${s.toString()}`;
}
