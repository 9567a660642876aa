/**
 * The public JSON API served on the lean path (lib/http/lean-api.ts), before Next's pipeline.
 * Each entry is the Next route's own exported handler, so both paths behave identically.
 * Adding a handler is one line.
 */
import type { LeanRoutes } from "../lib/http/lean-api";

export const LEAN_ROUTES: LeanRoutes = {
  "/api/v1/eligibility": { POST: () => import("../app/api/v1/eligibility/route").then((m) => m.POST) },
  "/api/v1/criteria-check": { POST: () => import("../app/api/v1/criteria-check/route").then((m) => m.POST) },
};
