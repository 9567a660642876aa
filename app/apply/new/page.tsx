import { requirePageUser } from "@/lib/auth/guard";
import { parsePrecheckCarry } from "@/lib/filings/precheck-carry";
import { StepForm } from "@/components/filing/step-form";
import { ChannelFields } from "@/components/filing/channel-fields";
import { loadChannelOptions } from "@/lib/channels/channel-options";
import { startFilingAction } from "../actions";

export const metadata = { title: "选择落户通道" };

export default async function NewFilingPage({ searchParams }: { searchParams: Promise<{ precheck?: string }> }) {
  const { precheck } = await searchParams;
  const carry = parsePrecheckCarry(precheck);
  await requirePageUser(["resident"], precheck && carry ? `/apply/new?precheck=${encodeURIComponent(precheck)}` : "/apply/new");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="page-title">选择落户通道</h1>
      {carry && <p className="mb-4 rounded border border-brand-100 bg-brand-50 p-3 text-sm">已带入您在落户预检中的回答，开始后可逐页核对修改。</p>}
      <StepForm
        action={startFilingAction}
        hidden={{ precheck: carry ? precheck : undefined }}
        submitLabel="开始填写"
        pendingLabel="正在创建草稿…"
        testId="start-form"
      >
        <ChannelFields options={await loadChannelOptions()} defaultChannel={carry?.channel} defaultSubtype={carry?.subtype} />
      </StepForm>
    </div>
  );
}
