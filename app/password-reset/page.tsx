import { ResetPasswordForm } from "./reset-password-form";
import { CardPage } from "@/components/ui/card-page";

export const metadata = { title: "找回密码" };

/** 忘记密码: a code to the account's mobile number, then a new password. */
export default function PasswordResetPage() {
  return (
    <CardPage title="找回密码">
      <p className="mb-4 text-sm text-slate-700">输入注册时使用的手机号码，获取短信验证码后设置新密码。工作人员账号请联系本单位管理员重设。</p>
      <ResetPasswordForm />
    </CardPage>
  );
}
