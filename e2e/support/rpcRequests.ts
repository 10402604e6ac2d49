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

/**
 * Makes the page's RPC answer every `method` request with `error`, as a provider refusing it would (an `eth_getLogs`
 * over too many blocks), and pass every other request through; in a JSON-RPC batch only that method's entries fail.
 */
export async function refuseRpcMethod(
  page: Page,
  rpcUrl: string,
  method: string,
  error: { code: number; message: string },
) {
  type Call = { id: number; method: string };
  const refused = (call: Call) => ({ jsonrpc: "2.0", id: call.id, error });
  await page.route(rpcUrl, async (route) => {
    const body = route.request().postDataJSON() as Call | Call[] | null;
    const calls = body === null ? [] : Array.isArray(body) ? body : [body];
    if (!calls.some((call) => call.method === method)) return route.continue();
    if (!Array.isArray(body)) return route.fulfill({ json: refused(body as Call) });
    const answers = (await (await route.fetch()).json()) as { id: number }[];
    const refusedIds = new Set(calls.filter((call) => call.method === method).map(({ id }) => id));
    return route.fulfill({
      json: answers.map((answer) => (refusedIds.has(answer.id) ? refused(answer as Call) : answer)),
    });
  });
}
