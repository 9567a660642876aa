import { requirePageUser } from "@/lib/auth/guard";
import { COMPLIANCE_ROLES } from "@/lib/criteria/check-document";
import { ComplianceForm } from "./compliance-form";
import { BackLink } from "@/components/ui/links";

export const metadata = { title: "规范性文件合规检查" };

/**
 * 规范性文件合规检查 for county and city officials and administrators: a draft local notice or
 * rule is checked against the plan's bans (二(二), 三(五)) and the conditions it never sets.
 */
export default async function CompliancePage() {
  const user = await requirePageUser(COMPLIANCE_ROLES, "/official/compliance");
  return (
    <div className="space-y-4">
      <BackLink href={user.role === "admin" ? "/admin" : "/official"} className="text-sm">
        {user.role === "admin" ? "系统管理" : "落户工作统计"}
      </BackLink>
      <h1 className="page-title">规范性文件合规检查</h1>
      <p className="text-slate-700">
        发布本地通知、办事指南或规定之前，请将草稿全文粘贴在下方检查。《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号）规定：不得将购买房屋、投资纳税等作为落户限制条件，不得采取积分落户方式（二(二)）；不得将退出土地承包权、宅基地使用权、集体收益分配权作为进城落户条件（三(五)）；方案也未设社保缴纳年限、居住年限和落户名额等条件。
      </p>
      <ComplianceForm />
    </div>
  );
}
