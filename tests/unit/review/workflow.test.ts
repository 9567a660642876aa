import { describe, expect, it } from "vitest";
import { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { WORKFLOW, WORKFLOW_ACTIONS, availableActions, checkAction, edgeTransition, type WorkflowAction, type WorkflowFiling } from "@/lib/review/workflow";
import { EVENT_LABELS } from "@/lib/filings/status";

const STATUSES = Object.values(ApplicationStatus);
const DEST = "st-dest";
const ORIGIN = "st-origin";
const me = { id: "me", role: "clerk" as const, stationId: DEST, isStationHead: false };
const head = { ...me, id: "head", isStationHead: true };
const originClerk = { id: "oc", role: "clerk" as const, stationId: ORIGIN, isStationHead: false };

/** A filing in `status` that satisfies each edge's own condition (checked separately below). */
function filing(status: ApplicationStatus, over: Partial<WorkflowFiling> = {}): WorkflowFiling {
  return { status, stationId: DEST, assignedClerkId: null, originStationId: null, moveOutReturnedAt: null, needsMoveOut: true, hasOpenNotice: false, ...over };
}
/** The filing facts under which an edge's own `when` holds. */
const ENABLING: Partial<Record<WorkflowAction, Partial<WorkflowFiling>>> = {
  confirm_move_out: { originStationId: ORIGIN },
  return_move_out: { originStationId: ORIGIN },
  resend_move_out: { originStationId: ORIGIN, moveOutReturnedAt: new Date() },
  register_directly: { directRegistration: true },
};
const actorFor = (a: WorkflowAction) => (WORKFLOW[a].who.side === "origin" ? originClerk : WORKFLOW[a].who.stationHead ? head : me);
const holderFor = (a: WorkflowAction, actorId: string) => (WORKFLOW[a].who.holder === "mine" ? actorId : null);

describe("the review workflow table", () => {
  it("names a timeline event with a label for every state change, and a label for every action", () => {
    for (const a of WORKFLOW_ACTIONS) {
      const e = WORKFLOW[a];
      expect(e.action).toBe(a);
      expect(e.label.length).toBeGreaterThan(1);
      expect(e.from.length).toBeGreaterThan(0);
      if (e.to) expect(EVENT_LABELS[e.event!], `${a}: event ${e.event}`).toBeTruthy();
      else expect(e.event).toBeNull();
    }
  });

  // Every (action × state): allowed exactly on the table's edges.
  const cases = WORKFLOW_ACTIONS.flatMap((a) => STATUSES.map((s) => [a, s] as const));
  it.each(cases)("%s from %s: allowed iff the table lists the state", (a, s) => {
    const actor = actorFor(a);
    const f = filing(s, { ...ENABLING[a], assignedClerkId: holderFor(a, actor.id) });
    const r = checkAction(a, f, actor);
    if (WORKFLOW[a].from.includes(s)) {
      expect(r).toEqual({ ok: true });
      expect(availableActions(f, actor).map((x) => x.action)).toContain(a);
      if (WORKFLOW[a].to) expect(edgeTransition(a, s)).toEqual({ from: [s], to: WORKFLOW[a].to, event: WORKFLOW[a].event });
    } else {
      expect(r).toMatchObject({ ok: false, code: "invalid_state" });
      expect(availableActions(f, actor).map((x) => x.action)).not.toContain(a);
    }
  });

  const edges = WORKFLOW_ACTIONS.flatMap((a) => WORKFLOW[a].from.map((s) => [a, s] as const));
  it.each(edges)("%s from %s: refused to the wrong station, a non-head, another holder, a non-clerk", (a, s) => {
    const e = WORKFLOW[a];
    const actor = actorFor(a);
    const f = filing(s, { ...ENABLING[a], assignedClerkId: holderFor(a, actor.id) });
    expect(checkAction(a, f, { ...actor, stationId: "elsewhere" })).toMatchObject({ ok: false, code: "not_found" });
    expect(checkAction(a, f, { ...actor, role: "official" })).toMatchObject({ ok: false, code: "not_found" });
    if (e.who.stationHead) expect(checkAction(a, f, { ...actor, isStationHead: false })).toMatchObject({ ok: false, code: "forbidden" });
    if (e.who.holder === "free_or_mine" || e.who.holder === "free" || e.who.holder === "mine") {
      expect(checkAction(a, { ...f, assignedClerkId: "someone-else" }, actor)).toMatchObject({ ok: false, code: "conflict" });
    }
    if (e.who.holder === "any") expect(checkAction(a, { ...f, assignedClerkId: "someone-else" }, actor)).toEqual({ ok: true });
    if (e.who.side === "origin") expect(checkAction(a, f, { ...actor, stationId: DEST })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("each edge's own condition refuses when it fails", () => {
    const f = (s: ApplicationStatus, o: Partial<WorkflowFiling>) => filing(s, o);
    expect(checkAction("request_supplement", f("submitted", { hasOpenNotice: true }), me)).toMatchObject({ ok: false, code: "invalid_state" });
    // A move inside the city is confirmed by the origin: the destination does not type it.
    expect(checkAction("record_move_out", f("approved", { originStationId: ORIGIN }), me)).toMatchObject({ ok: false });
    expect(checkAction("record_move_out", f("approved", { originStationId: ORIGIN, moveOutReturnedAt: new Date() }), me)).toEqual({ ok: true });
    expect(checkAction("record_move_out", f("approved", { needsMoveOut: false }), me)).toMatchObject({ ok: false });
    expect(checkAction("confirm_move_out", f("approved", { originStationId: null }), originClerk)).toMatchObject({ ok: false });
    expect(checkAction("confirm_move_out", f("approved", { originStationId: ORIGIN, moveOutReturnedAt: new Date() }), originClerk)).toMatchObject({
      ok: false,
    });
    expect(checkAction("resend_move_out", f("approved", { originStationId: ORIGIN }), me)).toMatchObject({ ok: false });
    expect(checkAction("register_directly", f("accepted", {}), me)).toMatchObject({ ok: false });
    // Registering as urban at origin (二(一)) is not a move: no permit is signed.
    expect(checkAction("approve", f("accepted", { directRegistration: true }), me)).toMatchObject({ ok: false });
  });

  it("shows disabled buttons with the reason the server would give", () => {
    const acts = availableActions(filing("submitted", { missingDocuments: 2 }), me);
    expect(acts.find((a) => a.action === "accept")?.disabledReason).toContain("缺2项");
    expect(acts.find((a) => a.action === "refuse")?.disabledReason).toBeNull();
    const approve = availableActions(filing("accepted", { allEligible: false }), me).find((a) => a.action === "approve");
    expect(approve?.disabledReason).toContain("规则核验未通过");
    // A held filing: its holder may act, another clerk only sees; the head may reassign.
    const held = filing("accepted", { assignedClerkId: "other" });
    expect(availableActions(held, me).map((a) => a.action)).toEqual([]);
    expect(availableActions(held, head).map((a) => a.action)).toEqual(["assign"]);
    expect(availableActions({ ...held, assignedClerkId: me.id }, me).map((a) => a.action)).toEqual(["release", "request_supplement", "approve", "refuse"]);
  });
});
