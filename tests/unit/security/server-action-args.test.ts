import { describe, expect, it, vi } from "vitest";

// next-auth's ESM build does not load outside Next.js; these calls must not reach it anyway.
vi.mock("@/lib/auth/auth", () => {
  const unreachable = () => {
    throw new Error("reached next-auth with a non-form argument");
  };
  return { auth: async () => null, signIn: unreachable, signOut: unreachable, handlers: {} };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {}, CredentialsSignin: class CredentialsSignin extends Error {} }));
import { signInAction } from "@/app/login/actions";
import { signUpAction } from "@/app/register/actions";
import { changePasswordAction, confirmTotpAction } from "@/app/account/actions";
import { saveStepAction } from "@/app/apply/actions";

/**
 * Server actions are public endpoints: a crafted request can call them with any arguments.
 * Called with anything but a form they answer like a form with errors — never a 500.
 */
const junk: unknown[] = [undefined, null, 42, "login=admin", { login: "admin", password: "x" }, [1, 2], new Map(), { get: 1 }];

describe("server actions with non-form arguments (point 8)", () => {
  it.each(junk.map((j) => [j]))("sign-in, sign-up, password and TOTP forms refuse %o with a message", async (arg) => {
    await expect(signInAction({}, arg as FormData)).resolves.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    await expect(signUpAction({}, arg as FormData)).resolves.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    await expect(changePasswordAction({}, arg as FormData)).resolves.toMatchObject({ message: expect.any(String) });
    await expect(confirmTotpAction({}, arg as FormData)).resolves.toMatchObject({ message: expect.any(String) });
    await expect(saveStepAction("__proto__" as never, {}, arg as FormData)).resolves.toMatchObject({ message: expect.any(String) });
  });
});
