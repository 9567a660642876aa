import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineAction, type GuardContext } from "@/lib/auth/run-action";
import { submittedFilingWhere } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";

/** Which filing, and the absolute base of the links printed on it (from PUBLIC_BASE_URL or the request, set by the route). */
export const filingDownloadSchema = z.object({
  applicationId: z.string().trim().min(1).max(64),
  baseUrl: z.url().max(200),
});

/** The filing as read for a download: what was selected, with its id and (submitted, so never null) reference. */
export type DownloadFiling<S extends Prisma.ApplicationSelect> = Omit<
  Prisma.ApplicationGetPayload<{ select: S & { id: true; reference: true } }>,
  "reference"
> & {
  reference: string;
};

/**
 * A printed document of a filing (the permit, a receipt) as a download, for whoever may see the
 * filing: the resident their own, staff in their scope. The filing is read with `select`; one
 * this person may not see, or a draft, is "not found" (`what`). The handler names the audit
 * target (every download is audited) and renders.
 */
export function defineFilingDownload<Schema extends z.ZodType<{ applicationId: string }>, S extends Prisma.ApplicationSelect, O>(
  opts: { action: string; schema: Schema; what: string; select: S },
  render: (ctx: GuardContext, input: z.output<Schema>, filing: DownloadFiling<S>) => Promise<O>,
) {
  return defineAction({ roles: ["resident", "clerk", "official", "admin"], action: opts.action, schema: opts.schema }, async (ctx, input) => {
    const select: Prisma.ApplicationSelect = { ...opts.select, id: true, reference: true };
    const filing = (await ctx.tx.application.findFirst({ where: submittedFilingWhere(ctx.user, input.applicationId), select })) as DownloadFiling<S> | null;
    if (!filing?.reference) throw notFound(opts.what);
    return render(ctx, input, filing);
  });
}
