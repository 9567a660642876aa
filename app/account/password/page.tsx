import { requirePageUser } from "@/lib/auth/guard";
import { STAFF_AND_RESIDENT } from "@/lib/auth/roles";
import { ChangePasswordForm } from "./change-password-form";
import { CardPage } from "@/components/ui/card-page";

export const metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const user = await requirePageUser(STAFF_AND_RESIDENT, "/account/password", { setupPage: true });
  return (
    <CardPage title="修改密码">
      {user.mustChangePassword && (
        <p role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          您正在使用管理员发放的临时密码，请先设置自己的新密码，然后才能继续办理业务。
        </p>
      )}
      <ChangePasswordForm minLength={user.role === "resident" ? 8 : 12} />
    </CardPage>
  );
}
