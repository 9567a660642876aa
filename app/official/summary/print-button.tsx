"use client";

/** Prints the page (the browser's print dialog; the site's header and links are hidden in print). */
export function PrintButton() {
  return (
    <button type="button" className="btn-primary print:hidden" onClick={() => window.print()}>
      打印
    </button>
  );
}
