import { getPrisma } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { signInSchema } from "@/lib/schemas/account";
import { checkPasswordStep, issueSignInTicket, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS } from "./sign-in";

export type BeginSignInResult = { ok: false; message: string } | { ok: true; ticket: string; secondFactor: boolean };

/**
 * The password step of the sign-in form: validated input (a NUL byte or a non-string is a
 * validation answer, not a database error), every limit, the same words for unknown accounts.
 * Returns a signed ticket for next-auth's credentials provider (and for the second step).
 */
export async function beginSignIn(raw: { login: unknown; password: unknown }, ip: string): Promise<BeginSignInResult> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "请输入账号和密码" };
  try {
    const prisma = getPrisma();
    const user = await checkPasswordStep(prisma, parsed.data.login, parsed.data.password, ip);
    return { ok: true, ticket: issueSignInTicket(user.id, parsed.data.login), secondFactor: !!user.totpEnabledAt };
  } catch (e) {
    if (isDomainError(e)) return { ok: false, message: e.code === "rate_limited" ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS };
    throw e;
  }
}
