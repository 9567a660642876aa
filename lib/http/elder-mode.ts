import { cookies } from "next/headers";

/** 长辈版 (large text, high contrast, simplified), remembered in a cookie for a year. */
export const ELDER_COOKIE = "luohu_elder";

export async function isElderMode(): Promise<boolean> {
  return (await cookies()).get(ELDER_COOKIE)?.value === "1";
}

export async function setElderMode(on: boolean): Promise<void> {
  const jar = await cookies();
  if (on) jar.set(ELDER_COOKIE, "1", { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  else jar.delete(ELDER_COOKIE);
}
