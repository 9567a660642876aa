import { draftForPage } from "../../draft-page";
import { StepForm, CheckboxInput } from "@/components/filing/step-form";
import { deleteDraftAction } from "../../actions";

export const metadata = { title: "删除草稿" };

export default async function DeleteDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { draft } = await draftForPage(id, "delete");
  return (
    <div>
      <h1 className="page-title">删除草稿</h1>
      <p className="mb-4 text-slate-700">删除后，草稿中填写的内容和已上传的材料将一并删除，无法恢复。</p>
      <StepForm action={deleteDraftAction} hidden={{ applicationId: draft.id }} submitLabel="确认删除草稿" variant="danger" pendingLabel="正在删除…">
        <CheckboxInput name="confirm" label="我确认删除此草稿" />
      </StepForm>
    </div>
  );
}
