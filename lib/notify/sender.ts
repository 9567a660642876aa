/**
 * Where SMS / mail go. The outbox table is drained by a sender (lib/notify/drain-outbox.ts);
 * the default one writes to the log with the number masked. A real SMS gateway implements the
 * same interface: {@link AliyunSmsSender} speaks Aliyun 短信服务 (dysms) `SendSms`.
 *
 * Which sender runs is configuration ({@link senderFromEnv}):
 *   LUOHU_SMS_PROVIDER          `log` (default) or `aliyun`
 *   LUOHU_SMS_URL               gateway endpoint, default https://dysmsapi.aliyuncs.com/
 *   LUOHU_SMS_ACCESS_KEY_ID     AccessKeyId
 *   LUOHU_SMS_ACCESS_KEY_SECRET AccessKeySecret (signs each request, never sent)
 *   LUOHU_SMS_SIGN_NAME         短信签名, default 三门峡落户通
 *   LUOHU_SMS_TEMPLATE_CODE     template id for one-time codes (parameter ${code})
 *   LUOHU_SMS_TEMPLATE_NOTICE   template id for notices (parameters ${title}, ${content})
 */
import { createHmac, randomUUID } from "node:crypto";

export interface OutgoingMessage {
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  /** Template kind (`code`, `notice`); null = a notice. */
  template?: string | null;
  params?: unknown;
  /** The same for every try of one message, so the gateway can drop a repeated send. */
  idempotencyKey?: string | null;
}

export interface MessageSender {
  send(msg: OutgoingMessage): Promise<void>;
}

/** A failure that no retry can fix (bad number, unknown template): the message goes straight to the dead letters. */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentSendError";
  }
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

export class LogSender implements MessageSender {
  async send(msg: OutgoingMessage) {
    console.log(`[outbox] ${msg.channel} → ${maskPhone(msg.recipient)}: ${msg.subject}`);
  }
}

export interface AliyunSmsConfig {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: { code: string; notice: string };
  /** Request time-out, default 10 s. */
  timeoutMs?: number;
}

/** RFC 3986 percent-encoding as Aliyun's RPC signature (version 1.0) requires. */
export function aliyunPercentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Signature = Base64(HMAC-SHA1(secret + "&", "POST&%2F&" + encode(sorted canonical query))). */
export function aliyunSignature(params: Record<string, string>, accessKeySecret: string, method = "POST"): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k])}`)
    .join("&");
  const toSign = `${method}&${aliyunPercentEncode("/")}&${aliyunPercentEncode(canonical)}`;
  return createHmac("sha1", `${accessKeySecret}&`).update(toSign).digest("base64");
}

/** Aliyun error codes that a retry cannot fix. */
const PERMANENT_CODES = new Set([
  "isv.MOBILE_NUMBER_ILLEGAL",
  "isv.TEMPLATE_MISSING_PARAMETERS",
  "isv.SMS_TEMPLATE_ILLEGAL",
  "isv.SMS_SIGNATURE_ILLEGAL",
  "isv.INVALID_PARAMETERS",
  "isv.BLACK_KEY_CONTROL_LIMIT",
  "isv.PARAM_LENGTH_LIMIT",
  "isv.MOBILE_COUNT_OVER_LIMIT",
]);

/** Aliyun 短信服务 SendSms (API version 2017-05-25, RPC style, HMAC-SHA1 signed form POST). */
export class AliyunSmsSender implements MessageSender {
  constructor(private readonly config: AliyunSmsConfig) {}

  /** The form fields of one SendSms request, signed. Exposed for tests. */
  requestParams(msg: OutgoingMessage, now = new Date(), nonce: string = randomUUID()): Record<string, string> {
    const kind = msg.template === "code" ? "code" : "notice";
    const templateParam =
      kind === "code"
        ? { code: String((msg.params as { code?: string } | null)?.code ?? "") }
        : { title: msg.subject.slice(0, 35), content: msg.body.replace(/^【[^】]*】/, "").slice(0, 35) };
    const params: Record<string, string> = {
      AccessKeyId: this.config.accessKeyId,
      Action: "SendSms",
      Format: "JSON",
      PhoneNumbers: msg.recipient,
      RegionId: "cn-hangzhou",
      SignName: this.config.signName,
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: nonce,
      SignatureVersion: "1.0",
      TemplateCode: this.config.templates[kind],
      TemplateParam: JSON.stringify(templateParam),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
      Version: "2017-05-25",
    };
    if (msg.idempotencyKey) params.OutId = msg.idempotencyKey;
    params.Signature = aliyunSignature(params, this.config.accessKeySecret);
    return params;
  }

  async send(msg: OutgoingMessage): Promise<void> {
    if (msg.channel !== "sms") throw new PermanentSendError(`channel ${msg.channel} not supported by the SMS gateway`);
    const body = new URLSearchParams(this.requestParams(msg)).toString();
    const res = await fetch(this.config.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    let json: { Code?: string; Message?: string } = {};
    try {
      json = (await res.json()) as typeof json;
    } catch {
      /* not JSON: handled below */
    }
    if (res.ok && json.Code === "OK") return;
    const what = `SMS gateway ${res.status} ${json.Code ?? ""} ${json.Message ?? ""}`.trim();
    if (json.Code && PERMANENT_CODES.has(json.Code)) throw new PermanentSendError(what);
    throw new Error(what);
  }
}

/** The sender the configuration names; the log sender unless LUOHU_SMS_PROVIDER says otherwise. */
export function senderFromEnv(env: Record<string, string | undefined> = process.env): MessageSender {
  const provider = (env.LUOHU_SMS_PROVIDER ?? "log").toLowerCase();
  if (provider === "log" || provider === "") return new LogSender();
  if (provider === "aliyun") {
    const need = ["LUOHU_SMS_ACCESS_KEY_ID", "LUOHU_SMS_ACCESS_KEY_SECRET", "LUOHU_SMS_TEMPLATE_CODE", "LUOHU_SMS_TEMPLATE_NOTICE"] as const;
    const missing = need.filter((k) => !env[k]);
    if (missing.length) throw new Error(`LUOHU_SMS_PROVIDER=aliyun needs ${missing.join(", ")}`);
    return new AliyunSmsSender({
      url: env.LUOHU_SMS_URL || "https://dysmsapi.aliyuncs.com/",
      accessKeyId: env.LUOHU_SMS_ACCESS_KEY_ID!,
      accessKeySecret: env.LUOHU_SMS_ACCESS_KEY_SECRET!,
      signName: env.LUOHU_SMS_SIGN_NAME || "三门峡落户通",
      templates: { code: env.LUOHU_SMS_TEMPLATE_CODE!, notice: env.LUOHU_SMS_TEMPLATE_NOTICE! },
    });
  }
  throw new Error(`LUOHU_SMS_PROVIDER=${provider}: unknown (use log or aliyun)`);
}
