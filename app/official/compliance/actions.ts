"use server";

import { callAsServerAction } from "@/lib/auth/guard";
import { checkDocumentDef } from "@/lib/criteria/check-document";

/** 规范性文件合规检查: the pasted text travels in this POST body only and is not stored. */
export async function checkDocumentAction(input: unknown) {
  return callAsServerAction(checkDocumentDef, input);
}
