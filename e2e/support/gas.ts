import { expect, type Locator } from "@playwright/test";
import type { Hash } from "viem";
import type { ChainClient } from "./fixtures";

/** The gas figure a migration's cost line shows ("Gas: up to 612,345 units · …"), read before sending. */
export async function shownGas(costLine: Locator): Promise<bigint> {
  await expect(costLine).toBeVisible();
  const units = (await costLine.textContent())?.match(/([\d,]+) units/)?.[1];
  if (!units) throw new Error(`no gas figure in the cost line: ${await costLine.textContent()}`);
  return BigInt(units.replaceAll(",", ""));
}

/** The figure the page showed before sending is an upper bound of what the mined transaction used. */
export async function expectGasCovered(chain: ChainClient, shown: bigint, hash: Hash) {
  const { gasUsed } = await chain.getTransactionReceipt({ hash });
  expect(shown, `gas shown (${shown}) covers the receipt's ${gasUsed}`).toBeGreaterThanOrEqual(gasUsed);
}
