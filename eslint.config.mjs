import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * One read path: pages, route handlers and components never hold the database client. They read
 * through guarded queries in lib/<domain>/ (`defineQuery` + `runQuery`, lib/auth/run-query.ts) and
 * write through `runAction`/`callAsServerAction`; types come from lib/ modules (e.g. lib/filings/status).
 */
const READ_PATH_MESSAGE =
  "app/ and components/ do not use the database directly: read through a guarded query in lib/<domain>/ (defineQuery + runQuery from @/lib/auth/guard), write through runAction; import types from lib/ modules.";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}", "components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/*", "@/lib/generated/*", "@/lib/generated", "@prisma/client", "@prisma/client/*", "**/lib/db/*", "**/lib/generated/**"],
              message: READ_PATH_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "bench/out/**",
      "lib/generated/**",
      ".data/**",
      ".data-*/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
