"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { beginSignIn } from "@/lib/auth/begin-sign-in";
import { requestIp } from "@/lib/auth/guard";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export type SignInState = { message?: string; login?: string; ticket?: string; next?: string };

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v : "";
};

/**
 * Step 1: login + password (checked with every limit, same answer for unknown accounts).
 * Accounts with two-factor on get a short-lived ticket and step 2 asks for the 6-digit code.
 */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  // Called with anything but a form (a crafted server-action request): a validation answer, never a 500.
  if (!(form instanceof FormData)) return { message: "请输入账号和密码。" };
  const redirectTo = safeRedirectPath(str(form, "next"));
  const login = str(form, "login").slice(0, 64);
  try {
    const ticket = str(form, "ticket");
    if (ticket) {
      await signIn("credentials", { ticket, code: str(form, "code").slice(0, 32), redirectTo });
      return {};
    }
    const step = await beginSignIn({ login: form.get("login"), password: form.get("password") }, await requestIp());
    if (!step.ok) return { message: step.message, login };
    if (step.secondFactor) return { ticket: step.ticket, login, next: redirectTo };
    await signIn("credentials", { ticket: step.ticket, redirectTo });
    return {};
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      if (code === "rate_limited") return { message: "登录尝试过于频繁，请稍后再试。", login };
      if (code === "second_factor_wrong" || code === "second_factor_required") {
        return { message: "验证码不正确或已使用过，请输入身份验证器中当前的6位数字或一个恢复码。", login, ticket: str(form, "ticket"), next: redirectTo };
      }
      return { message: "账号或密码不正确。", login };
    }
    throw e; // the redirect after a successful sign-in
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
