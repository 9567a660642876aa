import { BackLink } from "@/components/ui/links";

export const ADMIN_SECTIONS = [
  { href: "/admin/staff", title: "工作人员账号", text: "民警、领导、管理员、审计人员：新建、停用、重置密码、角色与所属单位" },
  { href: "/admin/stations", title: "派出所", text: "各县（市、区）的派出所及其地址电话" },
  { href: "/admin/collective", title: "社区集体户", text: "经公安机关批准设立的社区集体户（二(三)）" },
  { href: "/admin/calendar", title: "节假日安排", text: "每年的法定节假日与调休上班日，用于计算办理时限" },
  { href: "/admin/population", title: "人口统计数据", text: "各县（市、区）各年度户籍人口、常住人口，用于计算城镇化率" },
  { href: "/admin/targets", title: "方案与转户目标", text: "落户工作方案（文号、期限、目标）与转户目标在各县（市、区）的分解" },
  { href: "/admin/rules", title: "规则集", text: "各通道所需材料、办理时限、不予批准理由：版本对比、修改与发布" },
  { href: "/official/compliance", title: "规范性文件合规检查", text: "发布前检查本地通知、规定草稿是否将购房、纳税、积分等作为落户条件（二(二)、三(五)）" },
] as const;

/** Back to the settings index, for every admin page. */
export function AdminBack() {
  return (
    <BackLink href="/admin" className="mb-2 text-sm">
      系统管理
    </BackLink>
  );
}
