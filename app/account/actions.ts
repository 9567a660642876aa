"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { callAsServerAction } from "@/lib/auth/guard";
import { changePasswordDef, confirmTotpDef, endOtherSessionsDef, endSessionDef, restartTotpEnrolmentDef } from "@/lib/auth/account-security";
import type { FieldIssue } from "@/lib/errors";

export type PasswordState = { message?: string; issues?: FieldIssue[] };

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};

export async function changePasswordAction(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  if (!(form instanceof FormData)) return { message: "填写的内容有误，请按提示修改。" };
  const r = await callAsServerAction(changePasswordDef, {
    currentPassword: str(form, "currentPassword"),
    newPassword: str(form, "newPassword"),
    newPasswordConfirm: str(form, "newPasswordConfirm"),
  });
  if (!r.ok) return { message: r.message, issues: r.issues };
  // Every session ended with the old password, this one too.
  redirect("/login?changed=1");
}

export async function endSessionAction(form: FormData) {
  if (!(form instanceof FormData)) return;
  await callAsServerAction(endSessionDef, { sessionId: str(form, "sessionId") });
  revalidatePath("/account");
}

export async function endOtherSessionsAction() {
  await callAsServerAction(endOtherSessionsDef, {});
  revalidatePath("/account");
}

export type TotpState = { message?: string; recoveryCodes?: string[] };

export async function confirmTotpAction(_prev: TotpState, form: FormData): Promise<TotpState> {
  if (!(form instanceof FormData)) return { message: "请输入6位验证码。" };
  const r = await callAsServerAction(confirmTotpDef, { code: str(form, "code") });
  if (!r.ok) return { message: r.message };
  return { recoveryCodes: r.data.recoveryCodes };
}

export async function restartTotpAction() {
  await callAsServerAction(restartTotpEnrolmentDef, {});
  revalidatePath("/account/two-factor");
}
