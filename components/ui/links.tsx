import Link from "next/link";
import type { ReactNode } from "react";

/** A link in running text or a list: the portal's link colour, underlined. */
export function TextLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <Link href={href} className={className ? `${className} text-brand-700 underline` : "text-brand-700 underline"}>
      {children}
    </Link>
  );
}

/** The way back to the page above ("← 返回审计日志"), on a line of its own above the page's title. */
export function BackLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <p className={className}>
      <TextLink href={href}>← {children}</TextLink>
    </p>
  );
}

/** A TextLink when there is somewhere to go (`href`), else the text alone. */
export function LinkOrText({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  return href ? <TextLink href={href}>{children}</TextLink> : <>{children}</>;
}
