import { expectNoViolations } from "./support/accessibility";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

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
