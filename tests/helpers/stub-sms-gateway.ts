/**
 * A stand-in for Aliyun 短信服务 (dysms) on 127.0.0.1: accepts SendSms form POSTs, checks the
 * HMAC-SHA1 signature with the shared secret, records what it received, and can be told to
 * fail. Used by the integration tests and by the browser tests (LUOHU_SMS_URL points at it).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { aliyunSignature } from "../../lib/notify/sender";

export interface ReceivedSms {
  phone: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string | null;
  signName: string;
  at: Date;
}

export interface StubGateway {
  url: string;
  port: number;
  received: ReceivedSms[];
  /** Every request, including failed ones. */
  requests: Array<{ outId: string | null; phone: string }>;
  /** The next `n` requests answer with this Aliyun error code (default a 500 system error). */
  failNext(n: number, code?: string): void;
  /** Answer every request with an error until {@link failNext}(0). */
  failAlways(code?: string): void;
  /** Delay each answer (ms). */
  delay(ms: number): void;
  /** The last code sent to a number (template parameter `code`). */
  lastCode(phone: string): string | undefined;
  close(): Promise<void>;
}

export const STUB_KEY_ID = "LTAI-stub-key";
export const STUB_SECRET = "stub-secret-for-tests";

export async function startStubSmsGateway(opts: { port?: number; secret?: string } = {}): Promise<StubGateway> {
  const secret = opts.secret ?? STUB_SECRET;
  const received: ReceivedSms[] = [];
  const requests: StubGateway["requests"] = [];
  let failures = 0;
  let failForever = false;
  let failCode = "isp.SYSTEM_ERROR";
  let delayMs = 0;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ RequestId: `stub-${requests.length}`, ...body }));
      };
      const url = new URL(req.url ?? "/", "http://stub");
      if (req.method === "GET" && url.pathname === "/messages") return answer(200, { messages: received });
      if (req.method !== "POST") return answer(405, { Code: "MethodNotAllowed" });
      const p = Object.fromEntries(new URLSearchParams(raw));
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      requests.push({ outId: p.OutId ?? null, phone: p.PhoneNumbers });
      if (p.Action !== "SendSms" || p.Version !== "2017-05-25") return answer(400, { Code: "InvalidAction.NotFound", Message: "bad action" });
      if (p.AccessKeyId !== STUB_KEY_ID) return answer(404, { Code: "InvalidAccessKeyId.NotFound", Message: "unknown key" });
      if (aliyunSignature(p, secret) !== p.Signature) return answer(400, { Code: "SignatureDoesNotMatch", Message: "signature" });
      if (!/^1\d{10}$/.test(p.PhoneNumbers ?? "")) return answer(200, { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "bad number" });
      if (failForever || failures > 0) {
        if (failures > 0) failures -= 1;
        return failCode === "isp.SYSTEM_ERROR"
          ? answer(500, { Code: failCode, Message: "stub failure" })
          : answer(200, { Code: failCode, Message: "stub failure" });
      }
      received.push({
        phone: p.PhoneNumbers,
        templateCode: p.TemplateCode,
        params: JSON.parse(p.TemplateParam ?? "{}"),
        outId: p.OutId ?? null,
        signName: p.SignName,
        at: new Date(),
      });
      answer(200, { Code: "OK", Message: "OK", BizId: `biz-${received.length}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    received,
    requests,
    failNext(n, code = "isp.SYSTEM_ERROR") {
      failures = n;
      failForever = false;
      failCode = code;
    },
    failAlways(code = "isp.SYSTEM_ERROR") {
      failForever = true;
      failCode = code;
    },
    delay(ms) {
      delayMs = ms;
    },
    lastCode(phone) {
      return received.filter((r) => r.phone === phone && r.params.code).at(-1)?.params.code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
