/**
 * The server the browser tests drive: a FRESH database with demo data on every run —
 * an embedded one in its own data folder, or, with DATABASE_URL, a sibling database
 * `<name>_e2e` on the same PostgreSQL server.
 */
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";

async function main() {
  const port = process.env.E2E_PORT ?? process.env.PORT ?? "3100";
  process.env.LUOHU_DEMO = "1";
  process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
  process.env.LUOHU_DIST_DIR ??= process.env.CI ? ".next" : `.next-e2e-${port}`;
  process.env.LUOHU_RATE_ELIGIBILITY ??= "100000";
  process.env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${port}`;
  // The test database is owned by the (super)user of DATABASE_URL: allowed for tests only.
  process.env.LUOHU_ALLOW_OWNER_ROLE ??= "1";
  process.env.LUOHU_RATE_SMS_CODES ??= "100000";
  // Every journey registers its own residents from 127.0.0.1.
  process.env.LUOHU_RATE_SIGNUP ??= "100000";
  // SMS go through the Aliyun adapter to a stub gateway on E2E_PORT + 1000; the tests read codes from it.
  const { startStubSmsGateway, STUB_KEY_ID, STUB_SECRET } = await import("../tests/helpers/stub-sms-gateway");
  const gw = await startStubSmsGateway({ port: Number(port) + 1000 });
  Object.assign(process.env, {
    LUOHU_SMS_PROVIDER: "aliyun",
    LUOHU_SMS_URL: gw.url,
    LUOHU_SMS_ACCESS_KEY_ID: STUB_KEY_ID,
    LUOHU_SMS_ACCESS_KEY_SECRET: STUB_SECRET,
    LUOHU_SMS_TEMPLATE_CODE: "SMS_E2E_CODE",
    LUOHU_SMS_TEMPLATE_NOTICE: "SMS_E2E_NOTICE",
    LUOHU_OUTBOX_INTERVAL_SECONDS: "1",
  });
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = `${url.pathname.slice(1)}_e2e`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    const dir = path.resolve(`.data-e2e-${port}`);
    fs.rmSync(dir, { recursive: true, force: true });
    process.env.LUOHU_DATA_DIR = dir;
  }
  await import("./start");
}

void main();
