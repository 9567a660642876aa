import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { signInSchema } from "@/lib/schemas/account";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { isDomainError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkPasswordStep, checkSecondFactorStep, readSignInTicket } from "./sign-in";
import { endSession, SESSION_MAX_AGE_S, startSession } from "./sessions";

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}
class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor_required";
}
class WrongSecondFactor extends CredentialsSignin {
  code = "second_factor_wrong";
}

/** What the credentials provider accepts: login + password (+ code), or a password-step ticket + code. */
const credentialsInput = z.union([
  z.object({ ticket: z.string().min(1).max(512), code: z.string().max(32).optional() }),
  signInSchema.extend({ code: z.string().max(32).optional() }),
]);

/**
 * next-auth with credentials and JWT cookies, made revocable: the JWT names a UserSession row
 * (`sid`) and the user's sessionVersion (`sv`); lib/auth/guard.ts `currentUser` checks both on
 * every request (lib/auth/sessions.ts). Sign-out ends the row, so a copied cookie dies with it.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
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
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const ip = clientIpFromHeaders(await headers());
        const prisma = getPrisma();
        try {
          let userId: string;
          let login: string;
          if ("ticket" in parsed.data) {
            const t = readSignInTicket(parsed.data.ticket);
            if (!t) return null;
            ({ userId, login } = t);
          } else {
            login = parsed.data.login;
            userId = (await checkPasswordStep(prisma, parsed.data.login, parsed.data.password, ip)).id;
          }
          const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, realName: true, disabled: true, totpEnabledAt: true } });
          if (!user || user.disabled) return null;
          if (user.totpEnabledAt) {
            if (!parsed.data.code) throw new SecondFactorRequired();
            try {
              await checkSecondFactorStep(prisma, user.id, parsed.data.code, login, ip);
            } catch (e) {
              if (isDomainError(e) && e.code === "rate_limited") throw new TooManyAttempts();
              throw new WrongSecondFactor();
            }
          }
          return { id: user.id, name: user.realName };
        } catch (e) {
          if (e instanceof CredentialsSignin) throw e;
          if (isDomainError(e) && e.code === "rate_limited") throw new TooManyAttempts();
          if (isDomainError(e)) return null;
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries the user id, the session row and the session version; the guard reloads the rest.
    async jwt({ token, user }) {
      if (user?.id) {
        const h = await headers();
        const prisma = getPrisma();
        const s = await startSession(prisma, user.id, { ip: clientIpFromHeaders(h), userAgent: h.get("user-agent") ?? "" });
        await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        token.uid = user.id;
        token.sid = s.sid;
        token.sv = s.sv;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { sid?: string; sv?: number };
      if (token.uid && session.user) (session.user as { id?: string }).id = String(token.uid);
      if (typeof token.sid === "string") s.sid = token.sid;
      if (typeof token.sv === "number") s.sv = token.sv;
      return s;
    },
  },
  events: {
    // POST /api/auth/signout and the header's 退出 button both end the session row.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token || typeof token.sid !== "string") return;
      const sid = token.sid;
      const ip = clientIpFromHeaders(await headers());
      await getPrisma().$transaction(async (tx) => {
        await endSession(tx, sid);
        await recordAudit(tx, {
          actorId: typeof token.uid === "string" ? token.uid : null,
          action: "auth.sign_out",
          entityType: "user_session",
          entityId: sid,
          ip,
        });
      });
    },
  },
});
