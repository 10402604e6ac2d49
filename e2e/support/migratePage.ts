import { expect, type Locator, type Page } from "@playwright/test";

/** Role-based steps of the migrate page, shared by the specs. */
export const migratePage = {
  select: (page: Page, pair: string) => page.getByRole("checkbox", { name: `Migrate ${pair}` }).check(),
  share: (page: Page, pair: string) => page.getByLabel(`Share of ${pair} to move (%)`),
  range: (page: Page, pair: string, preset: string) =>
    page
      .getByRole("radiogroup", { name: `Price range for ${pair}` })
      .getByText(preset, { exact: true })
      .click(),
  /** The fee tier chip whose label starts with `fee` ("0.05%"), followed by what its pool holds. */
  feeTiers: (page: Page, pair: string) => page.getByRole("radiogroup", { name: `Fee tier for ${pair}` }),
  fee: (page: Page, pair: string, fee: string) =>
    migratePage
      .feeTiers(page, pair)
      .getByText(new RegExp(`^${fee.replace(".", "\\.")} ·`))
      .click(),
  destination: (page: Page, pair: string) => page.getByRole("radiogroup", { name: `Destination for ${pair}` }),
  /** Sends a V2 position to Uniswap V3 (the default) or V4. */
  version: (page: Page, pair: string, version: "Uniswap V3" | "Uniswap V4") =>
    page
      .getByRole("radiogroup", { name: `Destination version for ${pair}` })
      .getByText(version, { exact: true })
      .click(),
  /** The V4 destination's pools, each chip "0.3% · $… deep" or "1% · no pool yet". */
  v4Pools: (page: Page, pair: string) => page.getByRole("radiogroup", { name: `V4 pool for ${pair}` }),
  v4Currency: (page: Page, pair: string, currency: "WETH" | "Native ETH") =>
    page
      .getByRole("radiogroup", { name: `ETH or WETH for ${pair} in V4` })
      .getByText(currency, { exact: true })
      .click(),
  /** Waits until the simulation of the whole batch has produced a gas figure. */
  waitForPreview: (page: Page) => expect(page.getByTestId("gas-estimate")).toBeVisible(),
  review: (page: Page) => page.getByRole("button", { name: "Review what you sign" }).click(),
  sign: (page: Page) => page.getByRole("button", { name: /^Sign/ }).click(),
  migrate: (page: Page) => page.getByRole("button", { name: "Migrate in one transaction" }).click(),
  alert: (page: Page) => page.getByRole("main").getByRole("alert"),
  pending: (page: Page) => page.getByRole("main").getByRole("status").filter({ hasText: "Transaction pending" }),
  migrated: (page: Page) => page.getByRole("heading", { name: "Migrated" }),
  /** The receipt's line for an Aave position moved (by the Aave card's own transaction or in the batch). */
  aaveMigrated: (page: Page) =>
    page.getByRole("list", { name: "Migrated positions" }).getByText("Your Aave V2 position moved to Aave V3"),
  approvalsToggle: (scope: Locator) =>
    scope.getByLabel("Approve with transactions instead of signing (smart-contract wallets)"),
  /** Selects `pair` for the batch, to be approved by transactions instead of signed, and waits for its preview. */
  selectWithApprovals: async (page: Page, pair: string) => {
    await migratePage.select(page, pair);
    await migratePage.approvalsToggle(migratePage.reviewCard(page)).check();
    await migratePage.waitForPreview(page);
  },
  /** The Aave V2 card and the Uniswap batch's review card, apart: both can offer the same controls and warnings. */
  aaveCard: (page: Page) => page.getByRole("heading", { name: "Your Aave V2 position" }).locator(".."),
  reviewCard: (page: Page) => page.getByRole("heading", { name: "Review and migrate" }).locator(".."),
};
