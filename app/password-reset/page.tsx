import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "找回密码" };

/** 忘记密码: a code to the account's mobile number, then a new password. */
export default function PasswordResetPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">找回密码</h1>
      <div className="card">
        <p className="mb-4 text-sm text-slate-700">输入注册时使用的手机号码，获取短信验证码后设置新密码。工作人员账号请联系本单位管理员重设。</p>
        <ResetPasswordForm />
      </div>
    </div>
  );
}
