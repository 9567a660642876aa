"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { signInSchema } from "@/lib/schemas/account";

export type SignInState = { message?: string; login?: string };

/** Only same-site paths may be a redirect target after sign-in. */
function safeNext(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") ? s : "/after-login";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ login: form.get("login"), password: form.get("password") });
  const login = String(form.get("login") ?? "");
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "请输入账号和密码", login };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(form.get("next")) });
    return {};
  } catch (e) {
    if (e instanceof AuthError) {
      const limited = (e as AuthError & { code?: string }).code === "rate_limited";
      return { message: limited ? "登录尝试过于频繁，请5分钟后再试。" : "账号或密码不正确。", login };
    }
    throw e; // the redirect after a successful sign-in
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
