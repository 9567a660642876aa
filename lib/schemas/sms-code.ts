import { z } from "zod";
import { mobileSchema, passwordSchema } from "./account";

export const smsCodeSchema = z
  .string({ error: "请输入短信验证码" })
  .trim()
  .regex(/^\d{6}$/, "请输入短信中的6位数字验证码");

/** Resetting a resident's password with a code sent to the account's mobile number. */
export const passwordResetSchema = z
  .object({
    mobile: mobileSchema,
    smsCode: smsCodeSchema,
    password: passwordSchema,
    passwordConfirm: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "两次输入的密码不一致" });
