import { isDomainError, type DomainError } from "@/lib/errors";

/**
 * The DomainError a call is refused with. The test fails if the call succeeds or throws anything
 * else, so `expect((await expectDomainError(p)).code).toBe("conflict")` checks both the refusal and its kind.
 */
export async function expectDomainError(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
