import type { Page } from "@playwright/test";

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
