"use server";

import { isElderMode, setElderMode } from "@/lib/http/elder-mode";

/** The header's 长辈版 / 标准版 switch: flips the cookie; the page re-renders in place (typed input stays). */
export async function toggleElderModeAction(): Promise<void> {
  await setElderMode(!(await isElderMode()));
}
