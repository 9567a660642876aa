import { expect } from "@playwright/test";
import type { ReceivedSms } from "./stub-sms-gateway";

/** The stub SMS gateway the e2e server starts (scripts/e2e-server.ts): E2E_PORT + 1000. */
export const STUB_GATEWAY_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1000}`;

export async function smsReceived(phone: string): Promise<ReceivedSms[]> {
  const res = await fetch(`${STUB_GATEWAY_URL}/messages`);
  const { messages } = (await res.json()) as { messages: ReceivedSms[] };
  return messages.filter((m) => m.phone === phone);
}

/** Waits for the gateway to receive an SMS to `phone` matching `pick`, after `since` messages. */
export async function waitForSms(phone: string, pick: (m: ReceivedSms) => boolean, since = 0): Promise<ReceivedSms> {
  let found: ReceivedSms | undefined;
  await expect
    .poll(
      async () => {
        found = (await smsReceived(phone)).slice(since).filter(pick).at(-1);
        return !!found;
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

/** The newest code sent to `phone` (after `since` earlier messages to it). */
export async function smsCode(phone: string, since = 0): Promise<string> {
  return (await waitForSms(phone, (m) => !!m.params.code, since)).params.code;
}
