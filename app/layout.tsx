import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { TextLink } from "@/components/ui/links";
import { isElderMode } from "@/lib/http/elder-mode";

export const metadata: Metadata = {
  title: { default: "三门峡市户口迁移（落户）网上办理 · 落户通", template: "%s · 落户通" },
  description: "依据《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号），网上办理落户申请、材料补正、审核与准迁证。",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The footer's public services (no sign-in needed). */
const FOOTER_LINKS = [
  { href: "/guide", label: "办事指南" },
  { href: "/progress", label: "进度查询" },
  { href: "/verify", label: "准迁证核验" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const elder = await isElderMode();
  return (
    <html lang="zh-CN" className={elder ? "elder" : undefined}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          跳到正文
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-3 py-6 sm:px-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-3 py-4 text-sm text-slate-600 sm:px-6">
            <p>依据：三门峡市人民政府办公室《推动非户籍人口在城市落户实施方案》（三政办〔2019〕24号）</p>
            <p className="mt-1">落户自愿 · 不以购房、投资纳税、积分或退出农村土地权益作为落户条件</p>
            <nav aria-label="服务" className="mt-2 flex flex-wrap gap-x-4">
              {FOOTER_LINKS.map((l) => (
                <TextLink key={l.href} href={l.href}>
                  {l.label}
                </TextLink>
              ))}
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
