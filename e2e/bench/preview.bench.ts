import type { Page } from "@playwright/test";
import { e2eEnv } from "../support/env";
import { connectWallet, expect, test } from "../support/fixtures";
import { migratePage as ui } from "../support/migratePage";
import { countRpcRequests } from "../support/rpcRequests";

const UPDATES = 30;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/**
 * JS the browser has received so far, compressed (on the wire, without headers) and uncompressed. Each test has a
 * new browser context, so the cache starts empty.
 */
const jsReceived = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
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

const kiB = ({ transferred, parsed }: { transferred: number; parsed: number }) => ({
  transferred: Math.round(transferred / 1024),
  uncompressed: Math.round(parsed / 1024),
});

/** Time from an input change to the re-simulated preview on screen, and the RPC requests it took. */
test("preview update latency and RPC requests", async ({ page, wallet }) => {
  test.setTimeout(180_000);
  await page.goto("/migrate");
  // The page's own lazy chunks (RainbowKit's wallet icons) load after the load event: wait until the network is idle.
  await page.waitForLoadState("networkidle");
  const firstLoadJs = await jsReceived(page);
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  const connectedJs = await jsReceived(page);
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
    "/migrate first-load JS (KiB)": kiB(firstLoadJs),
    "JS once connected, with a preview (KiB)": kiB(connectedJs),
    "RPC requests": { p50: quantile(requests, 0.5), p95: quantile(requests, 0.95), max: requests.at(-1), target: 3 },
  });
});
