import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

/** WCAG 2.1 A and AA, the level every page state is held to. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Soft, so one run lists the violations of every state, not only the first failing one. */
async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(found, `axe-core WCAG 2.1 AA violations: ${state}`).toEqual([]);
}

test("every page state passes axe-core WCAG 2.1 AA, light and dark", async ({ page, wallet }) => {
  // Eleven axe-core scans (3-7 s each on 2 shared cores), a migration and the receipt, which now keeps the whole page.
  test.setTimeout(120_000);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    await expectNoViolations(page, `home, disconnected, ${colorScheme}`);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, `dashboard, disconnected, ${colorScheme}`);
    await page.goto("/migrate");
    await expectNoViolations(page, `migrate, disconnected, ${colorScheme}`);
  }

  // The connected states in dark mode, the scheme with the least contrast to spare.
  await connectWallet(page, wallet);
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" })).toBeVisible();
  await expectNoViolations(page, "migrate, connected");
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  await expectNoViolations(page, "migrate, preview");
  await ui.review(page);
  await expectNoViolations(page, "migrate, review");
  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  await expectNoViolations(page, "migrate, receipt");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoViolations(page, "dashboard, connected");
});

test("every page has an icon: no request for one fails", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  for (const path of ["/", "/migrate", "/dashboard"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href);
  expect(icon, "the page names an icon").toBeTruthy();
  expect(failed, "failed requests").toEqual([]);
});
