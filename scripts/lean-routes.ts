/**
 * The public JSON API served on the lean path (lib/http/lean-api.ts), before Next's pipeline.
 * Each entry is the same definition the Next route serves (lib/http/public-api.ts), so both
 * paths behave identically. Adding an API is one line.
 */
import type { LeanRoutes } from "../lib/http/lean-api";

export const LEAN_ROUTES: LeanRoutes = {
  "/api/v1/eligibility": { POST: () => import("../lib/http/public-api").then((m) => m.eligibilityApi) },
  "/api/v1/criteria-check": { POST: () => import("../lib/http/public-api").then((m) => m.criteriaCheckApi) },
};
