import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getPrisma } from "@/lib/db/client";
import { signInSchema } from "@/lib/schemas/account";
import { verifyPassword } from "./password";
import { countAgainst, isRateLimited, RATE_LIMITS } from "@/lib/http/rate-limit";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { recordAudit } from "@/lib/audit/record-audit";

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/** Finds the account for a login (mobile number or staff user name) and checks the password. */
export async function authenticate(login: string, password: string, ip: string) {
  const prisma = getPrisma();
  const isMobile = /^1\d{10}$/.test(login);
  const user = await prisma.user.findUnique({ where: isMobile ? { mobile: login } : { username: login } });
  const ok = !!user && !user.disabled && (await verifyPassword(password, user.passwordHash));
  await prisma.$transaction(async (tx) => {
    if (ok) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, {
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      stationId: user?.stationId ?? null,
      countyCode: user?.countyCode ?? null,
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      ip,
    });
  });
  return ok ? user : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an ordinary event (audited as auth.sign_in_failed), not a stack trace.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error.name, error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { login: { label: "手机号或用户名" }, password: { label: "密码", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientIpFromHeaders(await headers());
        const key = `${ip}:${parsed.data.login}`;
        if (await isRateLimited(RATE_LIMITS.signInFailures, key)) throw new TooManyAttempts();
        const user = await authenticate(parsed.data.login, parsed.data.password, ip);
        if (!user) await countAgainst(RATE_LIMITS.signInFailures, key);
        return user ? { id: user.id, name: user.realName } : null;
      },
    }),
  ],
  callbacks: {
    // The token carries only the user id; the guard reloads role and scope from the database.
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.uid && session.user) (session.user as { id?: string }).id = String(token.uid);
      return session;
    },
  },
});
