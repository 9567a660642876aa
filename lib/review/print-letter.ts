import { PROCEDURAL_BASIS } from "@/lib/rules/plan-clauses";
import { z } from "zod";
import { defineAction } from "@/lib/auth/run-action";
import { applicationScope } from "@/lib/auth/scope";
import { DomainError, notFound } from "@/lib/errors";
import { COUNTIES, countyName } from "@/lib/places";
import { chineseDate } from "@/lib/permits/render-permit-pdf";
import type { NoticeItem } from "./request-supplement";
import { renderLetterPdf, type LetterBlock, type LetterInput } from "./render-letter-pdf";

export const LETTER_KINDS = ["refusal", "supplement"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_TITLES: Record<LetterKind, string> = { refusal: "不予批准决定书", supplement: "补正告知书" };

export const printLetterSchema = z.object({
  applicationId: z.string().trim().min(1).max(64),
  kind: z.enum(LETTER_KINDS),
});

const PLAN = "三门峡市人民政府办公室《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号）";

/**
 * The resident's remedies against a refusal, with the bodies to apply to: 行政复议 within 60
 * days (《行政复议法》) at the county-level government or 三门峡市公安局; 行政诉讼 within six
 * months (《行政诉讼法》) at the people's court of the county. Management zones answer to the city.
 */
export function remedies(destinationCounty: string): { review: string; lawsuit: string; reviewBodies: string[]; court: string } {
  const county = COUNTIES.find((c) => c.code === destinationCounty);
  const government = county && county.kind !== "zone" ? `${county.name}人民政府` : "三门峡市人民政府";
  const court = county && county.kind !== "zone" ? `${county.name}人民法院` : "三门峡市湖滨区人民法院";
  const reviewBodies = [government, "三门峡市公安局"];
  return {
    reviewBodies,
    court,
    review: `如不服本决定，可以自收到本决定书之日起六十日内，向${government}或者三门峡市公安局申请行政复议；`,
    lawsuit: `也可以自收到本决定书之日起六个月内，依法向${court}提起行政诉讼。`,
  };
}

type Reason = { code: string; label: string; clause: string };

/** The letter's content, from the filing's own record (the refusal's reasons; the notice's items). */
export function letterContent(
  kind: LetterKind,
  f: { reference: string | null; applicantName: string; destinationCounty: string; submittedAt: Date | null; stationName: string },
  extra: { reasons?: Reason[]; note?: string | null; decidedAt?: Date | null; items?: NoticeItem[]; dueAt?: Date | null; requestedAt?: Date },
): LetterInput {
  const ref = f.reference ?? "";
  const short = f.stationName.replace(/^三门峡市公安局/, "");
  const year = (extra.decidedAt ?? extra.requestedAt ?? new Date()).getUTCFullYear();
  const submitted = f.submittedAt ? chineseDate(f.submittedAt) : "";
  if (kind === "refusal") {
    const reasons = extra.reasons ?? [];
    const r = remedies(f.destinationCounty);
    const blocks: LetterBlock[] = [
      {
        kind: "p",
        text: `你于${submitted}提交的户口迁移（落户）申请（受理编号 ${ref}，迁入地：${countyName(f.destinationCounty)}），经审查，根据${PLAN}的规定，决定不予批准。`,
      },
      { kind: "heading", text: "一、不予批准的理由和依据" },
      { kind: "list", items: reasons.map((x) => `${x.label}（${x.clause === PROCEDURAL_BASIS ? PROCEDURAL_BASIS : `依据：三政办〔2019〕24号 ${x.clause}`}）`) },
      ...(extra.note ? [{ kind: "p" as const, text: `说明：${extra.note}` }] : []),
      { kind: "heading", text: "二、权利救济" },
      { kind: "p", text: `${r.review}${r.lawsuit}` },
      {
        kind: "p",
        text: "落户遵循本人意愿。本决定不以购房、投资纳税、积分或退出农村土地承包权、宅基地使用权、集体收益分配权为条件（三政办〔2019〕24号 二(二)、三(五)）。",
      },
    ];
    return {
      title: LETTER_TITLES.refusal,
      docNumber: `${short}不准字〔${year}〕${ref}号`,
      addressee: f.applicantName,
      blocks,
      issuer: f.stationName,
      issuedAt: extra.decidedAt ?? new Date(),
      subject: `不予批准 ${ref}：${reasons.map((x) => `${x.label}（${x.clause}）`).join("；")}；行政复议六十日（${r.reviewBodies.join("、")}）；行政诉讼六个月（${r.court}）`,
    };
  }
  const items = extra.items ?? [];
  return {
    title: LETTER_TITLES.supplement,
    docNumber: `${short}补正字〔${year}〕${ref}号`,
    addressee: f.applicantName,
    blocks: [
      { kind: "p", text: `你于${submitted}提交的户口迁移（落户）申请（受理编号 ${ref}）材料不齐全。根据一次性告知的规定，现将需要补正的全部内容告知如下：` },
      {
        kind: "list",
        items: items.map((it) => `${it.memberName}：${it.label}${it.clause ? `（${it.clause}）` : ""}${it.clarification ? `。说明：${it.clarification}` : ""}`),
      },
      ...(extra.note ? [{ kind: "p" as const, text: `说明：${extra.note}` }] : []),
      {
        kind: "p",
        text: `请于${extra.dueAt ? chineseDate(extra.dueAt) : "规定期限"}前登录三门峡市落户通一次性补正全部内容。逾期未补正的，派出所可以“未在规定期限内补正材料”为由作出不予批准决定。`,
      },
    ],
    issuer: f.stationName,
    issuedAt: extra.requestedAt ?? new Date(),
    subject: `补正告知 ${ref}：${items.length}项`,
  };
}

/**
 * 打印: the letter PDF of a filing, for the clerks of its station and the resident. Every print is audited.
 */
export const printLetterDef = defineAction({ roles: ["clerk", "resident"], action: "review.letter.print", schema: printLetterSchema }, async (ctx, input) => {
  const app = await ctx.tx.application.findFirst({
    where: { AND: [{ id: input.applicationId }, applicationScope(ctx.user), { status: { not: "draft" } }] },
    select: {
      id: true,
      reference: true,
      status: true,
      applicantName: true,
      destinationCounty: true,
      submittedAt: true,
      decidedAt: true,
      station: { select: { name: true } },
      events: {
        where: { type: { in: ["refused", "corrected"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { note: true, data: true, createdAt: true },
      },
      notices: { orderBy: { requestedAt: "desc" }, take: 1, select: { items: true, note: true, dueAt: true, requestedAt: true } },
    },
  });
  if (!app) throw notFound("申请");
  ctx.audit({ applicationId: app.id, entityType: "letter", entityId: app.id, details: { kind: input.kind } });
  const f = { ...app, stationName: app.station?.name ?? "三门峡市公安局" };
  let letter: LetterInput;
  if (input.kind === "refusal") {
    const ev = app.events[0];
    const reasons = ((ev?.data as { reasons?: Reason[] } | null)?.reasons ?? []).filter((r) => r && r.label);
    if (app.status !== "refused" || !ev || reasons.length === 0) throw new DomainError("invalid_state", "该申请没有不予批准决定，不能打印决定书。");
    letter = letterContent("refusal", f, { reasons, note: ev.note, decidedAt: app.decidedAt ?? ev.createdAt });
  } else {
    const n = app.notices[0];
    if (!n) throw new DomainError("invalid_state", "该申请没有发出补正告知，不能打印告知书。");
    letter = letterContent("supplement", f, { items: n.items as unknown as NoticeItem[], note: n.note, dueAt: n.dueAt, requestedAt: n.requestedAt });
  }
  const pdf = await renderLetterPdf(letter);
  return { pdf, fileName: `${letter.title}-${app.reference ?? app.id}.pdf`, asciiName: `${input.kind}-${app.reference ?? app.id}.pdf` };
});
