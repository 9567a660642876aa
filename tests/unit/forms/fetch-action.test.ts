import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fetchAction } from "@/components/forms/use-action-form";

/** A real HTTP server answering like the route handlers do (JSON, errors as { error, message, issues }). */
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/ok") return json(200, { id: "d1" });
    if (req.url === "/invalid")
      return json(400, { error: "validation_failed", message: "填写的内容有误", issues: [{ path: "docType", message: "请选择材料类型" }] });
    if (req.url === "/too-large") {
      res.writeHead(413, { "content-type": "text/html" });
      return res.end("<html>413</html>");
    }
    json(404, { error: "not_found", message: "文件不存在" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("fetchAction: a route handler answered as an ActionResult (the form hook's one shape)", () => {
  it("success carries the JSON body", async () => {
    await expect(fetchAction(`${base}/ok`, { method: "POST" }, "失败")).resolves.toEqual({ ok: true, data: { id: "d1" } });
  });

  it("a domain error keeps its code, message and field issues", async () => {
    await expect(fetchAction(`${base}/invalid`, { method: "POST" }, "失败")).resolves.toEqual({
      ok: false,
      code: "validation_failed",
      message: "填写的内容有误",
      issues: [{ path: "docType", message: "请选择材料类型" }],
    });
    await expect(fetchAction(`${base}/missing`, { method: "DELETE" }, "删除失败")).resolves.toMatchObject({
      ok: false,
      code: "not_found",
      message: "文件不存在",
    });
  });

  it("an answer without a message (a proxy's 413) gets the caller's message for that status", async () => {
    const r = await fetchAction(`${base}/too-large`, { method: "POST" }, (s) => (s === 413 ? "文件过大" : "上传失败"));
    expect(r).toEqual({ ok: false, code: "internal", message: "文件过大", issues: [] });
  });

  it("no answer at all (network) gives the offline message, not an exception", async () => {
    const r = await fetchAction("http://127.0.0.1:1/never", { method: "POST" }, "上传失败", "网络异常，上传未完成，请重试。");
    expect(r).toMatchObject({ ok: false, message: "网络异常，上传未完成，请重试。" });
  });
});
