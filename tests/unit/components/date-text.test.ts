import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { DateText } from "@/components/date-text";

describe("DateText", () => {
  it("prints the Beijing calendar day in a <time> that never breaks inside on a phone", () => {
    // 2026-11-30 20:00 UTC is already 1 December in Beijing.
    const html = renderToStaticMarkup(createElement(DateText, { date: new Date("2026-11-30T20:00:00Z") }));
    expect(html).toBe('<time dateTime="2026-12-01" class="whitespace-nowrap">2026-12-01</time>');
  });
});
