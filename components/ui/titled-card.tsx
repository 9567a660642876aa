import type { ReactNode } from "react";

/** A card with its own heading (a form, a list, a part of a filing), labelled by that heading for screen readers. */
export function TitledCard({ id, title, anchor, children }: { id: string; title: ReactNode; anchor?: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id} id={anchor}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
