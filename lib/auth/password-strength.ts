import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import type { Role } from "./roles";

/**
 * Password policy (server side only: the dictionaries are large). Refuses common and breached
 * passwords with zxcvbn-ts and its common dictionaries plus a small pinyin list (no pinyin
 * package exists), and anything built from the person's own name, mobile or user name.
 * Staff need at least 12 characters, residents 8; every password needs a zxcvbn score ≥ 3.
 */

const PINYIN_WORDS = [
  "woaini",
  "aini",
  "woaini1314",
  "wozhiaini",
  "iloveyou",
  "woainima",
  "woaiwojia",
  "zhongguo",
  "beijing",
  "shanghai",
  "sanmenxia",
  "henan",
  "luohu",
  "hukou",
  "mima",
  "mimamima",
  "wodemima",
  "zhangwei",
  "wangwei",
  "wangfang",
  "liwei",
  "lina",
  "zhangmin",
  "lijing",
  "wangjing",
  "liuwei",
  "wangxiuying",
  "zhangli",
  "zhangjing",
  "liqiang",
  "wangqiang",
  "zhangyong",
  "liyong",
  "wangyong",
  "zhangjie",
  "wangjie",
  "zhanglei",
  "wanglei",
  "liuyang",
  "zhangyan",
  "wangyan",
  "chenjing",
  "yangyang",
  "xiaoming",
  "xiaohong",
  "laoshi",
  "baobei",
  "qinaide",
  "nihao",
  "woshishui",
  "tiantian",
  "kuaile",
  "xingfu",
  "pingan",
  "fuqi",
  "laopo",
  "laogong",
  "yiqifa",
  "facai",
  "zhuce",
  "denglu",
  "qwerty",
  "asdfgh",
  "zxcvbn",
  "yongyuan",
  "shengri",
  "jiayou",
  "zhang",
  "wang",
  "li",
  "liu",
  "chen",
  "yang",
  "huang",
  "zhao",
  "zhou",
  "wu",
];

let factory: ZxcvbnFactory | undefined;
function zxcvbn() {
  return (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, pinyin: PINYIN_WORDS },
    graphs: common.adjacencyGraphs,
  }));
}

export const MIN_LENGTH_STAFF = 12;
export const MIN_LENGTH_RESIDENT = 8;
export const MIN_SCORE = 3;

/** null when acceptable, else a message in Chinese. `userInputs`: the person's name, mobile, user name, ID number… */
export function passwordProblem(password: string, role: Role, userInputs: Array<string | null | undefined> = []): string | null {
  const min = role === "resident" ? MIN_LENGTH_RESIDENT : MIN_LENGTH_STAFF;
  if ([...password].length < min) return `密码至少${min}位`;
  if ([...password].length > 128) return "密码最长128位";
  if (/[\u0000-\u001f\u007f]/.test(password)) return "密码不能包含控制字符";
  const inputs = userInputs.filter((s): s is string => !!s && s.length >= 2);
  const result = zxcvbn().check(password.slice(0, 64), inputs);
  if (result.score < MIN_SCORE) return "密码太常见或太容易被猜到（如 12345678、password、woaini1314、姓名拼音加生日），请换一个更长、更不规则的密码";
  return null;
}
