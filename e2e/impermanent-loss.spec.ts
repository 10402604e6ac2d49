import type { Page } from "@playwright/test";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

const VOLATILE = "WETH / USDC";
const STABLE = "DAI / USDC";

const chart = (page: Page, pair: string) =>
  page.getByRole("img", { name: new RegExp(`^Impermanent loss against the ${pair} price`) });
const positionCard = (page: Page, pair: string) => page.getByRole("heading", { name: `Move ${pair}` }).locator("..");
/** The preview's "Range" row as numbers: [lower, upper]. */
async function previewRange(page: Page, pair: string): Promise<[number, number]> {
  const text = await positionCard(page, pair).locator("dd").filter({ hasText: " – " }).textContent();
  const [lower, upper] = (text ?? "").split(" – ").map((part) => Number.parseFloat(part.replaceAll(",", "")));
  return [lower ?? Number.NaN, upper ?? Number.NaN];
}

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

test("the chart plots loss against holding, with titled axes, today's price and the range marked", async ({ page }) => {
  await ui.select(page, VOLATILE);
  await ui.range(page, VOLATILE, "±25%");
  await ui.waitForPreview(page);
  const figure = chart(page, VOLATILE);
  await expect(figure).toContainText("Loss vs holding (%)");
  await expect(figure).toContainText("Price (USDC per WETH)");
  await expect(figure).toContainText(/Now [\d,.]+/);
  await expect(figure).toContainText("Your range");

  // A loss, never a gain: every value on the vertical axis is at most 0%, and some are below.
  // The vertical axis's ticks are the ones in percent (the horizontal axis's are prices).
  const yTicks = (await figure.locator(".recharts-cartesian-axis-tick-value").allTextContents())
    .filter((tick) => tick.endsWith("%"))
    .map((tick) => Number.parseFloat(tick));
  expect(yTicks.length, "the vertical axis has ticks").toBeGreaterThan(2);
  expect(Math.max(...yTicks), "no tick above 0%").toBeLessThanOrEqual(0);
  expect(Math.min(...yTicks), "a loss is plotted").toBeLessThan(0);

  // The marked range is the preview's range, and today's price lies inside it.
  const [lower, upper] = await previewRange(page, VOLATILE);
  const label = (await figure.getAttribute("aria-label")) ?? "";
  const marked = /today's price ([\d,.]+) USDC per WETH and your range ([\d,.]+) – ([\d,.]+)/.exec(label);
  expect(marked, `chart label names today's price and the range: ${label}`).not.toBeNull();
  const [now, markedLower, markedUpper] = (marked ?? []).slice(1).map((n) => Number(n.replaceAll(",", "")));
  expect(markedLower).toBeCloseTo(lower, -1);
  expect(markedUpper).toBeCloseTo(upper, -1);
  expect(now).toBeGreaterThan(lower);
  expect(now).toBeLessThan(upper);

  await figure.scrollIntoViewIfNeeded();
  await positionCard(page, VOLATILE).screenshot({ path: test.info().outputPath("impermanent-loss.png") });
});

test("a stable pair offers presets of fractions of a percent", async ({ page }) => {
  await ui.select(page, STABLE);
  const presets = page.getByRole("radiogroup", { name: `Price range for ${STABLE}` });
  for (const label of ["Full range", "±1%", "±0.5%", "±0.1%", "Custom"]) {
    await expect(presets.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(presets.getByText("±50%", { exact: true })).toHaveCount(0);

  await ui.fee(page, STABLE, "0.01%");
  await ui.range(page, STABLE, "±0.1%");
  await ui.waitForPreview(page);
  const [lower, upper] = await previewRange(page, STABLE);
  // ±0.1% around ~1 USDC per DAI, widened by at most one 0.01% tick at each end.
  expect(upper / lower).toBeGreaterThan(1.0019);
  expect(upper / lower).toBeLessThan(1.0025);
  await expect(positionCard(page, STABLE).getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Impermanent loss/ })).toContainText("+0.1%");
  await positionCard(page, STABLE).screenshot({ path: test.info().outputPath("stable-pair.png") });
});

test("choosing Custom shows no error until the user types one", async ({ page }) => {
  await ui.select(page, VOLATILE);
  await ui.waitForPreview(page);
  await ui.range(page, VOLATILE, "Custom");
  const card = positionCard(page, VOLATILE);
  const min = page.getByLabel(/^Min price/);
  await expect(min).not.toHaveValue("");
  await expect(page.getByLabel(/^Max price/)).not.toHaveValue("");
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(page.getByLabel(`Preview of ${VOLATILE}`)).toBeVisible();

  await min.fill("");
  await expect(card.getByRole("alert")).toContainText("Enter a min price.");
});

test("an invalid slippage shows a field error and leaves the preview and the value moved in place", async ({
  page,
}) => {
  await ui.select(page, VOLATILE);
  await ui.waitForPreview(page);
  const moved = /of the \$[\d,.]+ moved/;
  await expect(page.getByTestId("gas-estimate")).toContainText(moved);

  const slippage = page.getByLabel("Slippage tolerance (%)");
  await slippage.fill("abc");
  await expect(slippage).toHaveAttribute("aria-invalid", "true");
  await expect(ui.reviewCard(page)).toContainText("Slippage must be a number of percent, e.g. 0.5.");
  await expect(page.getByText("Reading the V3 pool…")).toHaveCount(0);
  await expect(page.getByLabel(`Preview of ${VOLATILE}`)).toBeVisible();
  await expect(chart(page, VOLATILE)).toBeVisible();
  await expect(page.getByTestId("gas-estimate")).toContainText(moved);
  await expect(page.getByTestId("gas-estimate")).not.toContainText("$0.00 moved");
  await expect(page.getByRole("button", { name: "Review what you sign" })).toBeDisabled();

  await slippage.fill("1");
  await expect(page.getByRole("button", { name: "Review what you sign" })).toBeEnabled();
});
