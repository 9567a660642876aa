import { SignUpForm } from "./sign-up-form";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { CardPage } from "@/components/ui/card-page";

export const metadata = { title: "实名注册" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeRedirectPath((await searchParams).next, "") || undefined;
  return (
    <CardPage title="实名注册">
      <p className="mb-4 text-sm text-slate-600">落户申请需实名办理。您的身份证号仅用于核验身份和办理业务，不会公开显示。</p>
      <SignUpForm next={next} />
    </CardPage>
  );
}
