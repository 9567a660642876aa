import { redirect } from "next/navigation";
import { currentUser, homeFor } from "@/lib/auth/guard";

/** After signing in, each role lands on its own home page. */
export default async function AfterLogin() {
  redirect(homeFor(await currentUser()));
}
