import { type Address, erc20Abi, erc721Abi, type Hash, type Hex } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { uniswapV4PositionManagerAbi } from "../lib/generated/abis";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { poolIdOf } from "../lib/uniswap/v4/poolKey";
import { expectNoViolations } from "./support/accessibility";
import { tokenBalance } from "./support/balances";
import { type ChainClient, connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";
import { nextV4TokenId } from "./support/uniswapV4";

const { uniswapV2, uniswapV4, tokens } = addressesFor(31337);
const PAIR = "WETH / USDC";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

/** The V4 position the migration minted, as the PositionManager and the Migrator's balances say. */
async function mintedPosition(chain: ChainClient, tokenId: bigint) {
  const positionManager = uniswapV4.positionManager;
  const migrator = ferryDeploymentFor(31337)?.migrator as Address;
  const [owner, [poolKey], liquidity, ...residue] = await Promise.all([
    chain.readContract({ address: positionManager, abi: erc721Abi, functionName: "ownerOf", args: [tokenId] }),
    chain.readContract({
      address: positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPoolAndPositionInfo",
      args: [tokenId],
    }),
    chain.readContract({
      address: positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPositionLiquidity",
      args: [tokenId],
    }),
    chain.getBalance({ address: migrator }),
    ...[tokens.WETH, tokens.USDC, uniswapV2.pairs.WETH_USDC].map((token) =>
      chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [migrator] }),
    ),
  ]);
  return { owner, poolId: poolIdOf(poolKey), liquidity, residue };
}

for (const { name, currency, pool, defaultChip } of [
  { name: "the WETH/USDC pool", currency: "WETH", pool: uniswapV4.pools.WETH_USDC_3000, defaultChip: /^0\.3% · / },
  {
    name: "the native ETH/USDC pool",
    currency: "Native ETH",
    pool: uniswapV4.pools.ETH_USDC_500,
    defaultChip: /^0\.05% · /,
  },
] as const) {
  test(`migrates V2 WETH/USDC LP into ${name} of Uniswap V4 in exactly one transaction`, async ({
    page,
    wallet,
    chain,
  }) => {
    test.setTimeout(120_000);
    const user = wallet.account.address;
    const nonceBefore = await chain.getTransactionCount({ address: user });
    const nextTokenId = await nextV4TokenId(chain);

    await ui.select(page, PAIR);
    await ui.version(page, PAIR, "Uniswap V4");
    if (currency === "Native ETH") await ui.v4Currency(page, PAIR, currency);
    // The deepest existing pool of the currency is chosen; the others do not exist yet.
    const pools = ui.v4Pools(page, PAIR);
    await expect(pools.getByRole("radio", { checked: true }).locator("..")).toHaveText(defaultChip);
    await expect(pools.getByText(/no pool yet/)).toHaveCount(3);
    await expect(page.getByText("Hook: none.")).toBeVisible();
    await ui.waitForPreview(page);
    const preview = page.getByRole("definition").filter({ hasText: "A new Uniswap V4 position in" });
    await expect(preview).toContainText(currency === "WETH" ? "WETH / USDC 0.3%" : "ETH / USDC 0.05%");
    await expect(page.getByRole("table", { name: /Impermanent loss/ })).toContainText("New V4 range");
    await expectNoViolations(page, `V2 → V4 settings and preview, ${currency}`);
    await ui.review(page);
    await ui.sign(page);
    const gas = await shownGas(page.getByTestId("gas-estimate"));
    await ui.migrate(page);
    await expect(ui.migrated(page)).toBeVisible();

    const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
    await expectGasCovered(chain, gas, hash as Hash);
    await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(
      `${PAIR} → Uniswap V4 position #${nextTokenId}`,
    );
    await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(pool.id);
    await expectNoViolations(page, `V2 → V4 receipt, ${currency}`);

    const minted = await mintedPosition(chain, nextTokenId);
    expect(minted.owner, "the user owns the V4 position").toBe(user);
    expect(minted.poolId, "in the chosen pool").toBe(pool.id as Hex);
    expect(minted.liquidity, "with liquidity").toBeGreaterThan(0n);
    expect(minted.residue, "ETH, WETH, USDC and LP left in the Migrator").toEqual([0n, 0n, 0n, 0n]);
    expect(await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user), "V2 LP fully withdrawn").toBe(0n);
  });
}
