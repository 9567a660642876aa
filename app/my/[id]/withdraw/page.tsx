import { redirect } from "next/navigation";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { myFilingQuery } from "@/lib/filings/load-resident-pages";
import { OPEN_STATUSES } from "@/lib/filings/status";
import { CheckboxInput, TextInput } from "@/components/filing/step-form";
import { MyFilingForm } from "../my-filing-form";
import { withdrawAction } from "../../actions";

export const metadata = { title: "撤回申请" };

export default async function WithdrawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(["resident"], `/my/${encodeURIComponent(id)}/withdraw`);
  const app = await runQuery(user, myFilingQuery, id).catch(pageError);
  if (!OPEN_STATUSES.includes(app.status)) redirect(`/my/${app.id}`);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">撤回申请 {app.reference}</h1>
      <p className="mb-4 text-slate-700">落户遵循本人意愿。撤回后派出所将停止办理本申请；如以后需要，可重新提交申请。</p>
      <MyFilingForm action={withdrawAction} applicationId={app.id} submitLabel="确认撤回" variant="danger" pendingLabel="正在撤回…" backLabel="不撤回，返回">
        <TextInput name="reason" label="撤回原因（可不填）" maxLength={200} />
        <CheckboxInput name="confirm" label="我确认撤回此落户申请" />
      </MyFilingForm>
    </div>
  );
}
