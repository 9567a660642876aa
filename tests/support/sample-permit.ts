import type { PermitPdfInput } from "@/lib/permits/render-permit-pdf";
import { testId } from "../helpers/ids";

/**
 * A permit of 前进派出所 (湖滨区) issued on 27 November 2026 for one applicant, as the renderer is
 * given it; `number` names it and its verification link. `more` overrides or adds fields.
 */
export function samplePermit(number: string, more: Partial<PermitPdfInput> = {}): PermitPdfInput {
  return {
    number,
    issuedAt: new Date("2026-11-27T02:00:00Z"),
    reference: "SMX-2026-000001",
    stationName: "三门峡市公安局湖滨分局前进派出所",
    stationAddress: "湖滨区崤山路中段",
    stationPhone: "0398-2811101",
    destinationCountyName: "湖滨区",
    destinationAddress: "湖滨区崤山路88号院3号楼501室",
    persons: [{ name: "张明", idNumber: testId(), relation: "self" }],
    verifyUrl: `https://luohu.example.cn/verify/${number}`,
    ...more,
  };
}
