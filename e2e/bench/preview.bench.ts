import { e2eEnv } from "../support/env";
import { connectWallet, expect, test } from "../support/fixtures";
import { migratePage as ui } from "../support/migratePage";
import { countRpcRequests } from "../support/rpcRequests";

const UPDATES = 30;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Time from an input change to the re-simulated preview on screen, and the RPC requests it took. */
test("preview update latency and RPC requests", async ({ page, wallet }) => {
  test.setTimeout(180_000);
  await page.goto("/migrate");
  // First-load JS of the page as the browser received it (Next 16's build output no longer prints sizes).
  const firstLoadJs = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith(".js"))
      .reduce(
        (sum, entry) => {
          const resource = entry as PerformanceResourceTiming;
          return {
            transferred: sum.transferred + resource.encodedBodySize,
            parsed: sum.parsed + resource.decodedBodySize,
          };
        },
        { transferred: 0, parsed: 0 },
      ),
  );
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  const gas = page.getByTestId("gas-estimate");
  const rpc = countRpcRequests(page, e2eEnv("rpcUrl"));

  const times: number[] = [];
  const requests: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const before = await gas.textContent();
    rpc.reset();
    const started = performance.now();
    await ui.share(page, "WETH / USDC").fill(String(10 + ((i * 7) % 90)));
    await expect(gas).not.toHaveText(before ?? "");
    times.push(performance.now() - started);
    requests.push(rpc.count);
  }
  times.sort((a, b) => a - b);
  requests.sort((a, b) => a - b);
  console.table({
    "preview update (ms)": {
      p50: Math.round(quantile(times, 0.5)),
      p95: Math.round(quantile(times, 0.95)),
      max: Math.round(times.at(-1) ?? 0),
      target: 300,
    },
    "/migrate first-load JS (kB)": {
      transferred: Math.round(firstLoadJs.transferred / 1024),
      uncompressed: Math.round(firstLoadJs.parsed / 1024),
    },
    "RPC requests": { p50: quantile(requests, 0.5), p95: quantile(requests, 0.95), max: requests.at(-1), target: 3 },
  });
});
