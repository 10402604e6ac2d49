import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import { countRpcRequests } from "./support/rpcRequests";

test("a preview update costs at most 3 RPC requests", async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  const gas = page.getByTestId("gas-estimate");

  const rpc = countRpcRequests(page, e2eEnv("rpcUrl"));
  for (const share of ["50", "75", "20"]) {
    const before = await gas.textContent();
    rpc.reset();
    await ui.share(page, "WETH / USDC").fill(share);
    await expect(gas).not.toHaveText(before ?? "");
    expect(rpc.count, `RPC requests for share ${share}%`).toBeLessThanOrEqual(3);
    expect(rpc.count, "the preview is re-simulated").toBeGreaterThan(0);
  }
});
