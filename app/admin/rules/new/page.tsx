import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { newRuleSetQuery } from "@/lib/admin/load-admin-pages";
import { DOCUMENT_SLOTS, nextVersionName, slotGroups } from "@/lib/admin/rule-set-editing";
import { DOCUMENT_CODES, DOCUMENT_LABELS } from "@/lib/schemas/eligibility";
import { beijingDate } from "@/lib/calendar/working-days";
import { AdminBack } from "@/components/admin/admin-nav";
import { RuleSetEditor } from "../rule-set-editor";
import { permitValidityDaysOf, supplementSettingsOf } from "@/lib/rules/default-rule-set";

export const metadata = { title: "修改规则集" };

/** A new version from an existing one (default: the version in force). */
export default async function NewRuleSetPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requirePageUser(["admin"], "/admin/rules/new");
  const { from } = await searchParams;
  const { base, taken } = await runQuery(user, newRuleSetQuery, from).catch(pageError);
  return (
    <div className="space-y-4">
      <AdminBack />
      <h1 className="page-title">修改规则集（另存为新版本）</h1>
      <RuleSetEditor
        baseId={base.id}
        baseVersion={base.version}
        suggestedVersion={nextVersionName(base.version, taken)}
        today={beijingDate(new Date())}
        slots={DOCUMENT_SLOTS.map((s) => ({ key: s.key, path: s.path.join("."), label: s.label }))}
        documents={Object.fromEntries(
          DOCUMENT_SLOTS.map((s) => [
            s.key,
            slotGroups(base.data, s).map((g) => ({ alternatives: [...g.alternatives], clause: g.clause, ...(g.label ? { label: g.label } : {}) })),
          ]),
        )}
        timeLimits={{ ...base.data.timeLimits, permitValidityDays: permitValidityDaysOf(base.data.timeLimits) }}
        refusalReasons={base.data.refusalReasons.map((r) => ({ code: r.code, label: r.label, clause: r.clause }))}
        supplement={supplementSettingsOf(base.data)}
        documentOptions={DOCUMENT_CODES.map((c) => ({ code: c, label: DOCUMENT_LABELS[c] }))}
      />
    </div>
  );
}
