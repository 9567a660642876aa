import { z } from "zod";
import { idNumberSchema } from "@/lib/schemas/id-number";
import { CONTROL_CHARS, plainText } from "./text";

export const mobileSchema = z
  .string({ error: "请输入手机号码" })
  .trim()
  .regex(/^1[3-9]\d{9}$/, "请输入11位中国大陆手机号码");

export const passwordSchema = z
  .string({ error: "请输入密码" })
  .min(8, "密码至少8位")
  .max(128, "密码最长128位")
  .refine((v) => !CONTROL_CHARS.test(v), "密码不能包含控制字符");

export const realNameSchema = z
  .string({ error: "请输入姓名" })
  .trim()
  .min(2, "请输入真实姓名（至少2个字）")
  .max(30, "姓名过长")
  .regex(/^[\u3400-\u9fff·•A-Za-z\s]+$/, "姓名只能包含汉字、字母和间隔号");

/** Resident sign-up: mobile, real name, ID number, password. Shared by the form and the action. */
export const signUpSchema = z
  .object({
    mobile: mobileSchema,
    realName: realNameSchema,
    idNumber: idNumberSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: "请再次输入密码" }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "两次输入的密码不一致" });

export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  login: plainText({ required: "请输入手机号或用户名", max: 64 }),
  password: z
    .string({ error: "请输入密码" })
    .min(1, "请输入密码")
    .max(128)
    .refine((v) => !CONTROL_CHARS.test(v), "密码不能包含控制字符"),
});
