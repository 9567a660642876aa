import "server-only";
import { defineQuery } from "@/lib/auth/run-query";
import { loadFiling, loadOwnDraft, type LoadedFiling } from "@/lib/filings/load-filing";
import { notFound } from "@/lib/errors";
import { loadTimeline } from "@/lib/filings/filing-timeline";
import { openNotice } from "@/lib/filings/supplement-notice";
import { unreadCount, listInbox } from "@/lib/filings/resident-inbox";
import { assessDraft } from "@/lib/filings/assess-draft";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { getCurrentRuleSet, getRuleSet } from "@/lib/rules/rule-set-service";

/**
 * The read path of the residents' pages (app/my/**, app/apply/**): guarded queries
 * (lib/auth/run-query.ts) run by pages with `runQuery(user, query, input)`. Every filing is
 * loaded through `loadFiling`/`loadOwnDraft`, which answer not_found for anyone else's filing
 * (the refusal is audited by the query guard). A resident seeing their own data is not audited.
 */
const RESIDENT = ["resident"] as const;

/** One of my filings (scope: mine) — e.g. the withdraw page. */
export const myFilingQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, ({ db, user }, id: string) => loadFiling(db, user, id));

/** One of my drafts (scope: mine, still a draft or just submitted). */
export const myDraftQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, ({ db, user }, id: string) => loadOwnDraft(db, user, id));

/** A filing's page: the filing and, unless it is still a draft, its timeline, open notice and the calendar. */
export const myFilingPageQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, async ({ db, user }, id: string) => {
  const app = await loadFiling(db, user, id);
  if (app.status === "draft") return { app, details: null };
  const [timeline, notice, cal] = await Promise.all([loadTimeline(db, app.id, app.ruleSetId), openNotice(db, app.id), loadCalendar(db)]);
  return { app, details: { timeline, notice, cal } };
});

/** The supplement page: the filing, its open notice (only while supplements are asked for) and its rule set. */
export const mySupplementQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, async ({ db, user }, id: string) => {
  const app = await loadFiling(db, user, id);
  const notice = app.status === "supplement_requested" ? await openNotice(db, app.id) : null;
  if (!notice) return { app, notice: null, ruleSet: null };
  const ruleSet = app.ruleSetId ? await getRuleSet(db, app.ruleSetId) : await getCurrentRuleSet(db);
  return { app, notice, ruleSet };
});

/** The page after submitting: the filing, the acceptance deadline, its rule set's time limits and the calendar. */
export const mySubmittedQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, async ({ db, user }, id: string) => {
  const app = await loadFiling(db, user, id);
  if (!app.reference || !app.submittedAt) return { app, event: null, limits: null, cal: null };
  const event = await db.statusEvent.findFirst({ where: { applicationId: app.id, type: "submitted" }, select: { dueAt: true } });
  const limits = app.ruleSetId ? (await getRuleSet(db, app.ruleSetId)).data.timeLimits : null;
  const cal = await loadCalendar(db);
  return { app, event, limits, cal };
});

const draftSelect = { id: true, channel: true, updatedAt: true, draftStep: true } as const;

/** My filings, my drafts and the number of unread messages. */
export const myFilingsQuery = defineQuery({ roles: RESIDENT, action: "filing.list" }, async ({ db, user }) => {
  const [filings, drafts, unread] = await Promise.all([
    db.application.findMany({
      where: { residentId: user.id, status: { not: "draft" } },
      orderBy: { submittedAt: "desc" },
      select: { id: true, reference: true, channel: true, status: true, submittedAt: true, dueAt: true, destinationCounty: true, personsCount: true },
    }),
    db.application.findMany({ where: { residentId: user.id, status: "draft" }, orderBy: { updatedAt: "desc" }, select: draftSelect }),
    unreadCount(db, user.id),
  ]);
  return { filings, drafts, unread };
});

export const myDraftsQuery = defineQuery({ roles: RESIDENT, action: "filing.list" }, ({ db, user }) =>
  db.application.findMany({ where: { residentId: user.id, status: "draft" }, orderBy: { updatedAt: "desc" }, select: draftSelect }),
);

export const myInboxQuery = defineQuery({ roles: RESIDENT, action: "inbox.view" }, ({ db, user }) => listInbox(db, user.id));

/**
 * The task list and checklist of one of my drafts, as loaded by `myDraftQuery` (input from the
 * server only: a page passes the draft it was given; the draft must be the user's own).
 */
export const assessMyDraftQuery = defineQuery({ roles: RESIDENT, action: "filing.view" }, async ({ db, user }, draft: LoadedFiling) => {
  if (draft.residentId !== user.id) throw notFound();
  return assessDraft(db, draft);
});

/** Active stations a filing can be sent to (the destination step), and a station's name. */
export const destinationStationsQuery = defineQuery({ roles: RESIDENT, action: "station.list" }, ({ db }) =>
  db.policeStation.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true, address: true, countyCode: true } }),
);

export const stationNameQuery = defineQuery({ roles: RESIDENT, action: "station.view" }, ({ db }, id: string) =>
  db.policeStation.findUnique({ where: { id }, select: { name: true } }),
);
