import { formatUnits } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { uniswapV2PairAbi } from "../lib/generated/abis";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

// Far from UTC: a raw UTC time would not match the reader's clock here.
const TIME_ZONE = "Asia/Tokyo";
test.use({ timezoneId: TIME_ZONE });

const PAIR = "WETH / USDC";
const TOKYO_CLOCK = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });

test("the permit reads in whole tokens with what the LP amount redeems for, and its deadline at the reader's clock", async ({
  page,
  wallet,
  chain,
}) => {
  const pair = addressesFor(chain.chain.id).uniswapV2.pairs.WETH_USDC;
  const read = (functionName: "totalSupply" | "getReserves") =>
    chain.readContract({ address: pair, abi: uniswapV2PairAbi, functionName });
  const [balance, totalSupply, [reserve0, reserve1]] = await Promise.all([
    chain.readContract({
      address: pair,
      abi: uniswapV2PairAbi,
      functionName: "balanceOf",
      args: [wallet.account.address],
    }),
    read("totalSupply") as Promise<bigint>,
    read("getReserves") as Promise<readonly [bigint, bigint, number]>,
  ]);
  const lp = balance / 2n;

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.share(page, PAIR).fill("50");
  await ui.waitForPreview(page);
  await ui.review(page);
  const permit = page.getByRole("list", { name: `Permit for ${PAIR}` });

  // Rounded for reading (a few digits, not 18 decimals); the exact amounts, LP and underlying, on hover.
  const amount = permit.getByRole("listitem").filter({ hasText: /^Amount:/ });
  await expect(amount).toHaveText(/^Amount: (0\.0*[1-9]\d?|\d+\.\d\d) UNI-V2 ≈ \d+\.\d\d WETH \+ [\d,]+ USDC$/);
  await expect(amount).toHaveAttribute(
    "title",
    `${formatUnits(lp, 18)} UNI-V2 ≈ ${formatUnits((lp * reserve0) / totalSupply, 18)} WETH + ${formatUnits((lp * reserve1) / totalSupply, 6)} USDC`,
  );

  await ui.sign(page);
  await expect(permit).toContainText("✓ Signed");
  const [signed] = wallet.signedTypedData;
  if (!signed) throw new Error("the permit was not signed");
  const deadline = Number((signed.message as { deadline: string }).deadline);
  const until = permit.getByRole("listitem").filter({ hasText: /^Valid until:/ });
  await expect(until).toHaveText(
    new RegExp(`^Valid until: in (19|20) minutes, at ${TOKYO_CLOCK.format(deadline * 1000)}( on \\d+ \\w+)?$`),
  );
  await expect(until).toHaveAttribute(
    "title",
    `${new Date(deadline * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`,
  );
});
