import { ProgressForm } from "./progress-form";

export const metadata = { title: "办理进度查询" };

/** Public: no sign-in, for a relative helping or a resident without the password at hand. */
export default function ProgressPage() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="page-title">办理进度查询</h1>
      <p className="mb-4 text-slate-700">无需登录。输入申请编号（在申请回执和短信中）和申请人姓名，我们会向办理该申请时使用的手机发送验证码。</p>
      <ProgressForm />
    </div>
  );
}
