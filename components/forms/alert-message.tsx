import type { ReactNode } from "react";

/** A page's or form's error, announced at once (role="alert"); nothing when there is none. */
export function AlertMessage({ message, children }: { message: string | null | undefined; children?: ReactNode }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
      {message}
      {children}
    </p>
  );
}
