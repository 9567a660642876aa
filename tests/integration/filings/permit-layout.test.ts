import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { renderPermitPdf } from "@/lib/permits/render-permit-pdf";
import { pdfText } from "../../support/pdf-text";
import { samplePermit } from "../../support/sample-permit";
import { testId } from "../../helpers/ids";

const permit = (persons: number) =>
  renderPermitPdf(
    samplePermit("ZQ-2026-000097", {
      persons: Array.from({ length: persons }, (_, i) => ({
        name: `张明${i}`,
        idNumber: testId("411221", "19900101", String(100 + i)),
        relation: i === 0 ? "self" : "child",
      })),
      verifyUrl: "https://luohu.example.cn/verify/ZQ-2026-000097?code=ABCDEF0123456789ABCDEF01",
      verifyCode: "ABCDEF0123456789ABCDEF01",
      validityDays: 40,
      originAddress: "河南省 洛阳市 嵩县 城关镇某某村某某组123号",
      issuingOfficer: "李警官",
    }),
  );

describe("the permit's layout with validity, origin and officer", () => {
  it("a household of five fits one page; a larger one prints the notes overleaf, never over the seal", async () => {
    const five = await PDFDocument.load(await permit(5));
    expect(five.getPageCount()).toBe(1);
    const nine = await permit(9);
    expect((await PDFDocument.load(nine)).getPageCount()).toBe(2);
    const text = (await pdfText(nine)).replace(/\s+/g, "");
    expect(text).toContain("注意事项（ZQ-2026-000097）");
    expect(text).toContain("请在有效期内");
    expect(text).toContain("张明8");
  });
});
