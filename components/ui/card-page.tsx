import type { ReactNode } from "react";

/** A narrow page of one card under its title (sign-in, sign-up, password reset and change, permit check): fits a phone as it is. */
export function CardPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="page-title">{title}</h1>
      <div className="card">{children}</div>
    </div>
  );
}
