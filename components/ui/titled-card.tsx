import type { ReactNode } from "react";

type TitledProps = { id: string; title: ReactNode; anchor?: string; children: ReactNode };

/** A card with its own heading (a form, a list, a part of a filing), labelled by that heading for screen readers. */
export function TitledCard(props: TitledProps) {
  return <TitledSection {...props} className="card" />;
}

/** A part of a page with its own heading, labelled by it; `className` frames it (TitledCard: a card). */
export function TitledSection({ id, title, anchor, className, children }: TitledProps & { className?: string }) {
  return (
    <section className={className} aria-labelledby={id} id={anchor}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
