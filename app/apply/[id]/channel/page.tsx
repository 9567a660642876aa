import { draftForPage } from "../../draft-page";
import { StepForm } from "@/components/filing/step-form";
import { ChannelFields } from "@/components/filing/channel-fields";
import { loadChannelOptions } from "@/lib/channels/channel-options";
import { saveStepAction } from "../../actions";

export const metadata = { title: "申请类别" };

export default async function ChannelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ return?: string }> }) {
  const { id } = await params;
  const { return: ret } = await searchParams;
  const { draft } = await draftForPage(id, "channel");
  return (
    <div>
      <h1 className="page-title">申请类别</h1>
      <p className="mb-4 text-sm text-slate-600">更改通道后，需重新填写该通道需要说明的情况；已填写的申请人信息、地址、随迁人员和已上传的材料会保留。</p>
      <StepForm action={saveStepAction.bind(null, "channel")} hidden={{ applicationId: draft.id, _return: ret }} submitLabel="保存并继续">
        <ChannelFields options={await loadChannelOptions()} defaultChannel={draft.channel} defaultSubtype={draft.subtype ?? undefined} />
      </StepForm>
    </div>
  );
}
