import { redirect } from "next/navigation";
import { requirePageUser, pageError, runQuery } from "@/lib/auth/guard";
import { myDraftQuery } from "@/lib/filings/load-resident-pages";
import { type LoadedFiling } from "@/lib/filings/load-filing";
import { readAnswers, type FilingAnswers } from "@/lib/filings/filing-answers";
import type { SessionUser } from "@/lib/auth/roles";

/** A form page's draft: the signed-in resident's own (else 404); a submitted filing goes to its page. */
export async function draftForPage(id: string, page: string): Promise<{ user: SessionUser; draft: LoadedFiling; answers: FilingAnswers }> {
  const user = await requirePageUser(["resident"], `/apply/${encodeURIComponent(id)}/${page}`);
  let draft: LoadedFiling;
  try {
    draft = await runQuery(user, myDraftQuery, id);
  } catch (e) {
    pageError(e);
  }
  if (draft.status !== "draft") redirect(`/my/${draft.id}`);
  return { user, draft, answers: readAnswers(draft.answers) };
}
