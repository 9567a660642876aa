import "server-only";
import { getPrisma } from "@/lib/db/client";
import { verifyPermit } from "./verify-permit";

/** The public permit check (/verify): the page rate-limits by address, this reads (masked data only). */
export function verifyPermitPublicly(number: string, code: unknown) {
  return verifyPermit(getPrisma(), number, code);
}
