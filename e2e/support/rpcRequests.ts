import type { Page, Route } from "@playwright/test";

/** Counts the page's HTTP requests to the chain's RPC (a JSON-RPC batch counts once, as it costs once). */
export function countRpcRequests(page: Page, rpcUrl: string) {
  let count = 0;
  page.on("request", (request) => {
    if (request.url().startsWith(rpcUrl) && request.method() === "POST") count += 1;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}

/**
 * Holds the page's RPC requests, as a slow node would, until `release` lets them (and later ones) through.
 * Holding until told, not for a fixed time, lets a test assert what the page shows while it waits.
 */
export async function holdRpcRequests(page: Page, rpcUrl: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = new Set<Promise<void>>();
  const hold = (route: Route) => {
    const continued = released.then(() => route.continue());
    held.add(continued);
    return continued;
  };
  await page.route(rpcUrl, hold);
  return {
    release: async () => {
      release();
      // Unrouting while a held request is still being continued would fail it.
      await Promise.all(held);
      await page.unroute(rpcUrl, hold);
    },
  };
}
