import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, Channel } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { makeIdNumber } from "@/lib/schemas/id-number";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/lib/calendar/load-calendar";
import { nextPermitNumber, nextReference } from "@/lib/filings/numbers";
import { bumpCounter } from "@/lib/filings/transition";
import { COUNTIES } from "@/lib/places";
import type { RuleSetData } from "@/lib/rules/types";
import { addDemoDocuments } from "./demo-documents";

export const DEMO_PASSWORD = "luohu-demo";

export const DEMO_ACCOUNTS = [
  { login: "13800000001", label: "申请人 张明" },
  { login: "clerk-hubin", label: "湖滨分局前进派出所 民警（所长）" },
  { login: "clerk-hubin-2", label: "湖滨分局前进派出所 民警" },
  { login: "clerk-shanzhou", label: "陕州分局大营派出所 民警" },
  { login: "clerk-lushi", label: "卢氏县公安局城关派出所 民警（原籍迁出确认）" },
  { login: "official-hubin", label: "湖滨区 主管领导" },
  { login: "official-city", label: "三门峡市 主管领导" },
  { login: "admin", label: "系统管理员" },
  { login: "auditor", label: "审计人员" },
] as const;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "桂英", "建华", "晓燕"];
const name = (i: number) => SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
// Birth dates and origins vary; the check digit is computed (GB 11643).
const idFor = (i: number, region = "411221") =>
  makeIdNumber(`${region}${1975 + (i % 25)}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}${String(100 + i).slice(-3)}`);

/**
 * A household member's ID number, born plausibly relative to the applicant (a parent before
 * them, a child after them, never in the future): household members are checked for it.
 */
const memberIdFor = (rel: "spouse" | "child" | "parent", applicantId: string, i: number) => {
  const year = Number(applicantId.slice(6, 10));
  const born = rel === "parent" ? year - 26 : rel === "child" ? Math.min(year + 26, 2018) : year + 1;
  return makeIdNumber(`411221${born}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}${String(100 + i).slice(-3)}`);
};

type DemoFiling = {
  station: string;
  status: ApplicationStatus;
  channel: Channel;
  subtype?: string;
  /** Working days since submission. */
  age: number;
  members?: Array<"spouse" | "child" | "parent">;
  tenure?: "owned" | "rented" | "employer_housing";
  refusal?: string;
  /** The applicant's hukou region (default: alternating 渑池县 / outside the city). */
  origin?: string;
  /** Filed without documents: shows the one-time supplement notice (the others carry small generated files). */
  noDocuments?: boolean;
};

const atStation = (station: string, filings: Array<Omit<DemoFiling, "station">>): DemoFiling[] => filings.map((f) => ({ station, ...f }));

/** A mix of states across stations, weighted to 前进派出所 so the demo clerk has a real queue. */
const FILINGS: DemoFiling[] = [
  ...atStation("411202-01", [
    { status: "submitted", channel: "residence", tenure: "rented", age: 0, members: ["spouse", "child"] },
    { status: "submitted", channel: "talent", subtype: "college_graduate", age: 1, noDocuments: true },
    { status: "submitted", channel: "family", age: 4, members: [] },
    { status: "submitted", channel: "residence", tenure: "owned", age: 6, noDocuments: true },
    { status: "submitted", channel: "collective", age: 2 },
    { status: "submitted", channel: "talent", subtype: "skilled_worker", age: 3, members: ["spouse"] },
    { status: "accepted", channel: "residence", tenure: "rented", age: 8 },
    { status: "accepted", channel: "talent", subtype: "veteran", age: 32 },
    { status: "accepted", channel: "rural_student", subtype: "after_graduation", age: 36 },
    { status: "supplement_requested", channel: "residence", tenure: "employer_housing", age: 5 },
    { status: "supplement_requested", channel: "talent", subtype: "returned_overseas", age: 2 },
    { status: "approved", channel: "residence", tenure: "rented", age: 15, members: ["child"] },
    { status: "approved", channel: "talent", subtype: "vocational_graduate", age: 10 },
    // 最多跑一次: a rural hukou of 卢氏县 settling in 湖滨区, waiting in 城关派出所's 迁出确认 tab.
    { status: "approved", channel: "residence", tenure: "rented", age: 9, origin: "411224" },
    { status: "accepted", channel: "residence", tenure: "rented", age: 6, origin: "411224" },
    { status: "moved_out", channel: "family", age: 18 },
    { status: "registered", channel: "residence", tenure: "rented", age: 40, members: ["spouse", "child", "parent"] },
    { status: "registered", channel: "talent", subtype: "college_graduate", age: 60 },
    { status: "registered", channel: "collective", age: 35 },
    { status: "registered", channel: "residence", tenure: "owned", age: 90, members: ["spouse"] },
    { status: "refused", channel: "residence", tenure: "rented", age: 25, refusal: "residence_not_legal" },
    { status: "refused", channel: "family", age: 30, refusal: "relationship_not_proven" },
    { status: "withdrawn", channel: "talent", subtype: "skilled_worker", age: 9 },
  ]),
  ...atStation("411202-02", [
    { status: "submitted", channel: "residence", tenure: "rented", age: 2 },
    { status: "registered", channel: "talent", subtype: "college_graduate", age: 50 },
  ]),
  ...atStation("411203-01", [
    { status: "submitted", channel: "residence", tenure: "rented", age: 1 },
    { status: "accepted", channel: "talent", subtype: "college_graduate", age: 7 },
    { status: "registered", channel: "residence", tenure: "owned", age: 45, members: ["child"] },
  ]),
  ...atStation("411203-02", [{ status: "registered", channel: "family", age: 70 }]),
  ...atStation("411221-01", [
    { status: "registered", channel: "residence", tenure: "rented", age: 55, members: ["spouse", "child"] },
    { status: "submitted", channel: "rural_student", subtype: "enrollment", age: 3 },
  ]),
  ...atStation("411224-01", [{ status: "registered", channel: "talent", subtype: "veteran", age: 80 }]),
  ...atStation("411281-01", [{ status: "registered", channel: "residence", tenure: "rented", age: 65 }]),
  ...atStation("411282-01", [
    { status: "registered", channel: "collective", age: 38 },
    { status: "accepted", channel: "residence", tenure: "employer_housing", age: 11 },
  ]),
  ...atStation("SMX-SFQ-01", [{ status: "registered", channel: "talent", subtype: "skilled_worker", age: 42 }]),
  ...atStation("SMX-KFQ-01", [
    { status: "submitted", channel: "collective", age: 1 },
    { status: "registered", channel: "collective", age: 48 },
  ]),
];

/** The form's answers (lib/filings/filing-answers.ts shape) for a demo filing. */
function demoAnswers(f: DemoFiling, i: number, idNumber: string, station: { id: string; countyCode: string }, address: string) {
  return {
    applicant: { hukouType: i % 3 === 0 ? "urban" : "rural", hukouRegion: idNumber.slice(0, 6), hukouAddress: "原籍户口所在地" },
    destination: { county: station.countyCode, address, stationId: station.id },
    residence: f.tenure ? { tenure: f.tenure, address, legal: true } : undefined,
    principal: f.channel === "family" ? { relation: "spouse", livesTogether: true, hasHukouAtDestination: true, name: "配偶" } : undefined,
    employment:
      f.channel === "collective"
        ? { employed: true, workCounty: station.countyCode, employerHasCollectiveHousehold: false, employerName: "三门峡某制造有限公司" }
        : undefined,
    hasDirectRelativeToJoin: f.channel === "collective" ? false : undefined,
    completed: { details: true, members: true },
  };
}

function docsFor(f: DemoFiling): string[] {
  const docs = ["id_card", "hukou_booklet"];
  if (f.channel === "talent") {
    docs.push(
      {
        college_graduate: "graduation_certificate",
        vocational_graduate: "graduation_certificate",
        skilled_worker: "skill_certificate",
        veteran: "discharge_certificate",
        returned_overseas: "overseas_degree_certification",
      }[f.subtype ?? "college_graduate"] ?? "graduation_certificate",
    );
  }
  if (f.channel === "rural_student") docs.push(f.subtype === "after_graduation" ? "graduation_certificate" : "admission_letter");
  if (f.channel === "residence")
    docs.push({ owned: "property_certificate", rented: "rental_contract", employer_housing: "employer_housing_certificate" }[f.tenure ?? "rented"]);
  if (f.channel === "family") docs.push("marriage_certificate", "principal_hukou_booklet");
  if (f.channel === "collective") docs.push("employment_contract");
  return docs;
}

/**
 * Demo accounts for every role and a few dozen filings in varied states, so a newcomer sees
 * a living portal. Runs once: an existing `admin` account means the demo is already there.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  if (await prisma.user.findUnique({ where: { username: "admin" }, select: { id: true } })) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const stations = new Map((await prisma.policeStation.findMany()).map((s) => [s.code, s]));
  const st = (code: string) => stations.get(code)!;
  const cal = await loadCalendar(prisma, { fresh: true });
  const now = new Date();

  await prisma.$transaction(
    async (tx) => {
      const staff = async (
        username: string,
        realName: string,
        role: "clerk" | "official" | "admin" | "auditor",
        extra: Partial<Prisma.UserUncheckedCreateInput> = {},
      ) => tx.user.create({ data: { username, realName, role, passwordHash, ...extra } });
      const clerk = await staff("clerk-hubin", "李卫东", "clerk", { stationId: st("411202-01").id, isStationHead: true });
      await staff("clerk-hubin-2", "赵晓梅", "clerk", { stationId: st("411202-01").id });
      const clerkShanzhou = await staff("clerk-shanzhou", "周建国", "clerk", { stationId: st("411203-01").id, isStationHead: true });
      await staff("clerk-lushi", "陈立", "clerk", { stationId: st("411224-01").id, isStationHead: true });
      await staff("official-hubin", "王志刚", "official", { countyCode: "411202" });
      await staff("official-city", "陈国强", "official", { countyCode: null });
      await staff("admin", "系统管理员", "admin");
      await staff("auditor", "孙审计", "auditor");
      const demoResident = await tx.user.create({
        data: { role: "resident", mobile: "13800000001", realName: "张明", idNumber: idFor(0, "411221"), passwordHash },
      });

      // Population statistics (demo figures) and the yearly transfer targets summing to 46,000.
      const shares = [12000, 6000, 5000, 3500, 3000, 9500, 4000, 3000];
      for (const [i, c] of COUNTIES.entries()) {
        for (const year of [2015, 2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
          const total = 200_000 + i * 37_000;
          const g = year - 2015;
          const hukouUrban = Math.round(total * (0.24 + 0.018 * g + i * 0.004));
          const residentUrban = Math.round(total * 1.02 * (0.4 + 0.015 * g + i * 0.003));
          await tx.populationStat.create({
            data: { countyCode: c.code, year, hukouTotal: total, hukouUrban, residentTotal: Math.round(total * 1.02), residentUrban },
          });
        }
        for (const year of [2025, 2026]) await tx.transferTarget.create({ data: { countyCode: c.code, year, target: shares[i] ?? 0 } });
      }

      const ruleSet = await tx.ruleSet.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { effectiveFrom: "desc" } });
      let personIndex = 1;
      for (const [i, f] of FILINGS.entries()) {
        const station = st(f.station);
        const isDemoResident = i === FILINGS.findIndex((x) => x.status === "registered");
        const resident = isDemoResident
          ? demoResident
          : await tx.user.create({
              data: {
                role: "resident",
                mobile: `139${String(10000000 + i).slice(-8)}`,
                realName: name(personIndex),
                idNumber: idFor(personIndex, f.origin ?? (i % 2 ? "411221" : "410323")),
                passwordHash,
              },
            });
        personIndex += 1;
        const submittedAt = new Date(now.getTime() - f.age * 1.4 * 86_400_000 - 3_600_000);
        const members = [{ relation: "self", name: resident.realName, idNumber: resident.idNumber! }];
        for (const rel of f.members ?? []) {
          members.push({ relation: rel, name: name(personIndex), idNumber: memberIdFor(rel, resident.idNumber!, personIndex) });
          personIndex += 1;
        }
        const reference = await nextReference(tx, submittedAt);
        const acceptedAt = ["accepted", "approved", "moved_out", "registered"].includes(f.status) ? addWorkingDays(submittedAt, 2, cal) : null;
        const decidedAt = ["approved", "moved_out", "registered", "refused"].includes(f.status) ? addWorkingDays(acceptedAt ?? submittedAt, 5, cal) : null;
        const completedAt = f.status === "registered" ? addWorkingDays(decidedAt!, 4, cal) : null;
        const dueAt =
          f.status === "submitted"
            ? addWorkingDays(submittedAt, ruleData(ruleSet.data).acceptance, cal)
            : f.status === "accepted"
              ? addWorkingDays(acceptedAt!, ruleData(ruleSet.data).decision, cal)
              : f.status === "supplement_requested"
                ? addWorkingDays(submittedAt, 30, cal)
                : f.status === "approved"
                  ? addWorkingDays(decidedAt!, 10, cal)
                  : f.status === "moved_out"
                    ? addWorkingDays(decidedAt!, 7, cal)
                    : null;
        const originStation =
          f.status === "approved" && f.origin
            ? [...stations.values()].filter((s) => s.countyCode === f.origin).sort((a, b) => a.code.localeCompare(b.code))[0]
            : undefined;
        const collective =
          f.channel === "collective" && f.status === "registered" ? await tx.collectiveHousehold.findFirst({ where: { stationId: station.id } }) : null;
        const app = await tx.application.create({
          data: {
            reference,
            residentId: resident.id,
            channel: f.channel,
            subtype: f.subtype ?? null,
            status: f.status,
            destinationCounty: station.countyCode,
            destinationAddress: `${station.address}${10 + i}号${f.channel === "collective" ? "（就业单位所在地）" : ""}`,
            stationId: station.id,
            applicantName: resident.realName,
            applicantIdNumber: resident.idNumber!,
            personsCount: members.length,
            answers: demoAnswers(f, i, resident.idNumber!, station, `${station.address}${10 + i}号`) as Prisma.InputJsonValue,
            ruleSetId: ruleSet.id,
            submittedAt,
            acceptedAt,
            decidedAt,
            completedAt,
            withdrawnAt: f.status === "withdrawn" ? addWorkingDays(submittedAt, 1, cal) : null,
            dueAt,
            supplementFrom: f.status === "supplement_requested" ? "submitted" : null,
            collectiveHouseholdId: collective?.id ?? null,
            originStationId: originStation?.id ?? null,
            moveOutRequestedAt: originStation ? decidedAt : null,
            assignedClerkId:
              ["accepted", "approved", "moved_out", "registered", "refused"].includes(f.status) && f.station === "411202-01"
                ? clerk.id
                : f.station === "411203-01" && f.status !== "submitted"
                  ? clerkShanzhou.id
                  : null,
            members: { create: members.map((m, k) => ({ ...m, sortOrder: k })) },
          },
          include: { members: { select: { id: true, relation: true } } },
        });
        if (!f.noDocuments) await addDemoDocuments(tx, app, app.members, docsFor(f), resident.id, submittedAt);
        const actor = f.station === "411202-01" ? clerk.id : null;
        const events: Array<{ type: string; to: ApplicationStatus; at: Date; note?: string; actorId?: string | null }> = [
          { type: "submitted", to: "submitted", at: submittedAt, actorId: resident.id },
        ];
        if (f.status === "supplement_requested") {
          const at = addWorkingDays(submittedAt, 1, cal);
          events.push({ type: "supplement_requested", to: "supplement_requested", at, actorId: actor });
          await tx.supplementNotice.create({
            data: {
              applicationId: app.id,
              items: [
                {
                  code: docsFor(f)[2] ?? "hukou_booklet",
                  label: "证明材料（原件扫描件，清晰完整）",
                  clause: f.channel === "talent" ? "二(一)" : "二(二)",
                  memberId: null,
                  memberIndex: 0,
                  memberName: resident.realName,
                  source: "rules",
                },
                {
                  code: "details_mismatch",
                  kind: "other",
                  label: "材料上的信息与申请填写的信息不一致，请核对后说明或更正",
                  clause: null,
                  memberId: null,
                  memberIndex: 0,
                  memberName: resident.realName,
                  clarification: "请说明现住址的实际居住情况",
                  source: "clerk",
                },
              ],
              note: "请上传清晰、完整的证明材料扫描件，一次补齐。",
              requestedById: actor ?? clerk.id,
              requestedAt: at,
              dueAt: dueAt,
            },
          });
        }
        if (acceptedAt) events.push({ type: "accepted", to: "accepted", at: acceptedAt, actorId: actor });
        if (f.status === "refused") events.push({ type: "refused", to: "refused", at: decidedAt!, note: "经核查，不符合条件。", actorId: actor });
        if (f.status === "withdrawn") events.push({ type: "withdrawn", to: "withdrawn", at: addWorkingDays(submittedAt, 1, cal), actorId: resident.id });
        if (decidedAt && f.status !== "refused") {
          events.push({ type: "approved", to: "approved", at: decidedAt, actorId: actor });
          await tx.permit.create({
            data: {
              number: await nextPermitNumber(tx, decidedAt),
              applicationId: app.id,
              stationId: station.id,
              persons: members.map((m) => ({ name: m.name, idNumber: m.idNumber, relation: m.relation })),
              destinationAddress: app.destinationAddress,
              issuedAt: decidedAt,
              issuedById: actor ?? clerk.id,
            },
          });
        }
        if (["moved_out", "registered"].includes(f.status))
          events.push({ type: "moved_out", to: "moved_out", at: addWorkingDays(decidedAt!, 2, cal), actorId: actor, note: "原籍派出所已办理迁出（电子迁移）" });
        if (completedAt) events.push({ type: "registered", to: "registered", at: completedAt, actorId: actor });
        let prev: ApplicationStatus | null = "draft";
        for (const e of events) {
          await tx.statusEvent.create({
            data: { applicationId: app.id, type: e.type, fromStatus: prev, toStatus: e.to, actorId: e.actorId ?? null, note: e.note ?? null, createdAt: e.at },
          });
          await bumpCounter(
            tx,
            { stationId: station.id, destinationCounty: station.countyCode, channel: f.channel, personsCount: members.length },
            e.type,
            e.at,
          );
          prev = e.to;
        }
        if (f.status === "refused") {
          await tx.reviewAction.create({
            data: {
              applicationId: app.id,
              clerkId: actor ?? clerk.id,
              action: "refuse",
              reasonCodes: [f.refusal ?? "documents_invalid"],
              note: "经核查，不符合条件。",
              createdAt: decidedAt!,
            },
          });
        }
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function ruleData(data: unknown): { acceptance: number; decision: number } {
  const { timeLimits } = data as RuleSetData;
  return { acceptance: timeLimits.acceptanceWorkingDays, decision: timeLimits.decisionWorkingDays };
}
