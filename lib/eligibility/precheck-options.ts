import { TALENT_SUBTYPES } from "@/lib/schemas/eligibility";

/** Choices of the pre-check question "which of these are you" (safe to import in the browser). */
export const BACKGROUNDS = [...TALENT_SUBTYPES, "student_enrollment", "student_graduated", "student_at_origin", "none"] as const;

export const BACKGROUND_LABELS: Record<(typeof BACKGROUNDS)[number], string> = {
  college_graduate: "高校毕业生",
  vocational_graduate: "职业院校毕业生",
  skilled_worker: "技术工人（有职业资格或技能等级证书）",
  veteran: "退役军人（参军进入城镇）",
  returned_overseas: "留学归国人员",
  student_enrollment: "被大中专院校录取的农村学生（入学时迁户口）",
  student_graduated: "农村户籍大中专毕业生（毕业后迁往就业地或回原籍）",
  student_at_origin: "户口留在原籍的农村大中专学生（在原籍登记为城镇居民）",
  none: "以上都不是",
};
