import { FORBIDDEN_CRITERION_INFO } from "@/lib/rules/forbidden-criteria";
import type { Db, Prisma } from "@/lib/db/types";
import { DomainError } from "@/lib/errors";
import type { RuleSetData } from "@/lib/rules/types";
import { validateRuleSetData } from "@/lib/rules/validate-rule-set";

export type LoadedRuleSet = { id: string; version: string; effectiveFrom: Date; data: RuleSetData };

let cache: { at: number; value: LoadedRuleSet } | null = null;
const TTL_MS = 30_000;

/** Forget the cached current rule set (after a publish). */
export function invalidateRuleSetCache() {
  cache = null;
}

/**
 * The cached rule set in force while it is fresh, else null: lets the public API answer without
 * a promise (lib/http/json-api.ts); the monotonic clock, which no test or Next wraps, times it.
 */
export function cachedCurrentRuleSet(): LoadedRuleSet | null {
  return cache && performance.now() - cache.at < TTL_MS ? cache.value : null;
}

/**
 * The rule set in force: the published version with the latest effective date not in the
 * future. Cached briefly, because every eligibility request needs it.
 */
export async function getCurrentRuleSet(db: Db, now = new Date(), opts?: { fresh?: boolean }): Promise<LoadedRuleSet> {
  if (!opts?.fresh && cache && performance.now() - cache.at < TTL_MS && cache.value.effectiveFrom <= now) return cache.value;
  const row = await db.ruleSet.findFirst({
    where: { publishedAt: { not: null }, effectiveFrom: { lte: now } },
    orderBy: [{ effectiveFrom: "desc" }, { publishedAt: "desc" }],
  });
  if (!row) throw new DomainError("internal", "尚未发布规则集，请联系系统管理员。");
  const value = { id: row.id, version: row.version, effectiveFrom: row.effectiveFrom, data: row.data as unknown as RuleSetData };
  cache = { at: performance.now(), value };
  return value;
}

/** A rule set by id (any version: the one that judged an old filing stays readable). */
export async function getRuleSet(db: Db, id: string): Promise<LoadedRuleSet & { publishedAt: Date | null; notes: string | null }> {
  const row = await db.ruleSet.findUnique({ where: { id } });
  if (!row) throw new DomainError("not_found", "规则集不存在。");
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    publishedAt: row.publishedAt,
    notes: row.notes,
    data: row.data as unknown as RuleSetData,
  };
}

export async function listRuleSets(db: Db) {
  return db.ruleSet.findMany({
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: { id: true, version: true, effectiveFrom: true, publishedAt: true, notes: true, createdAt: true },
  });
}

function assertValid(data: unknown): RuleSetData {
  const checked = validateRuleSetData(data);
  if (!checked.ok) {
    const forbidden = checked.problems.find((p) => p.criterion);
    throw new DomainError(
      forbidden ? "forbidden_criterion" : "validation_failed",
      forbidden ? `规则集不能发布：${forbidden.message}` : "规则集内容有误，请按提示修改。",
      {
        issues: checked.problems.map((p) => ({ path: p.path, message: p.clause ? `${p.message}（${p.clause}）` : p.message })),
        // The refused attempt's audit event keeps the field, its text, the criterion and the clause;
        // the editor highlights the findings' words.
        details: {
          problems: checked.problems,
          ...(forbidden
            ? {
                field: forbidden.path,
                text: textAt(data, forbidden.path),
                criterion: forbidden.criterion,
                clause: forbidden.clause,
                criteria: checked.problems.filter((p) => p.criterion).map((p) => ({ criterion: p.criterion, clause: p.clause ?? "", match: p.match ?? null })),
              }
            : {}),
          findings: checked.problems
            .filter((p) => p.criterion && p.match !== undefined && p.start !== undefined && p.end !== undefined)
            .map((p) => ({
              path: p.path,
              criterion: p.criterion!,
              clause: p.clause ?? "",
              match: p.match!,
              start: p.start!,
              end: p.end!,
              message: FORBIDDEN_CRITERION_INFO[p.criterion!].message,
            })),
        },
      },
    );
  }
  return checked.data;
}

/** The text at a dotted path of the submitted data (a label, a message), when it is one. */
function textAt(data: unknown, path: string): string | undefined {
  let node: unknown = data;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" ? node : Array.isArray(node) ? node.join("、") : undefined;
}

/** A new draft version; the data is checked now, and again when published. */
export async function createDraftRuleSet(db: Db, input: { version: string; effectiveFrom: Date; data: unknown; notes?: string | null }) {
  const data = assertValid(input.data);
  if (await db.ruleSet.findUnique({ where: { version: input.version }, select: { id: true } })) {
    throw new DomainError("conflict", `版本号 ${input.version} 已存在。`, { issues: [{ path: "version", message: "版本号已存在" }] });
  }
  return db.ruleSet.create({
    data: { version: input.version, effectiveFrom: input.effectiveFrom, data: data as unknown as Prisma.InputJsonValue, notes: input.notes ?? null },
  });
}

/**
 * Publishes a draft. The guard refuses a version that would make a forbidden criterion
 * (home purchase, investment, tax, points, giving up rural land rights) a condition,
 * naming the criterion and the clause of the plan.
 */
export async function publishRuleSet(db: Db, id: string, publishedById: string, now = new Date()) {
  const row = await db.ruleSet.findUnique({ where: { id } });
  if (!row) throw new DomainError("not_found", "规则集不存在。");
  if (row.publishedAt) throw new DomainError("invalid_state", "该版本已发布。");
  assertValid(row.data);
  const res = await db.ruleSet.updateMany({ where: { id, publishedAt: null }, data: { publishedAt: now, publishedById } });
  if (res.count !== 1) throw new DomainError("conflict", "该版本刚刚已被发布。");
  invalidateRuleSetCache();
  return db.ruleSet.findUniqueOrThrow({ where: { id } });
}
