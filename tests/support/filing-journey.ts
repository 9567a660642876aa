import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** The sample uploads of the browser journeys. */
export const FIXTURES = path.resolve(__dirname, "../fixtures");
export const PNG = path.join(FIXTURES, "document.png");
export const PDF = path.join(FIXTURES, "document.pdf");

/** Uploads a file into every line of the document checklist not yet met (an image for ID cards, a PDF otherwise), and waits for each to be met. */
export async function uploadEverything(page: Page): Promise<void> {
  const slots = page.locator('[data-testid^="slot-"]');
  const n = await slots.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const slot = slots.nth(i);
    if ((await slot.getAttribute("data-satisfied")) === "true") continue;
    const kind = (await slot.getAttribute("data-testid")) ?? "";
    await slot.locator('input[type="file"]').setInputFiles(kind.endsWith("id_card") ? PNG : PDF);
    await expect(slot).toHaveAttribute("data-satisfied", "true");
  }
}
