/**
 * The reward side of a campaign, the `rewards` entry of its points config: what each epoch pays and when an epoch
 * is final enough to pay. Without it the campaign only counts points.
 */
import { type Address, getAddress, isAddress } from "viem";

export interface RewardsConfig {
  /** Paid for each epoch in the reward token's smallest unit, split pro rata to the epoch's points. */
  budgetPerEpoch: bigint;
  /** The reward token; when omitted, the token recorded with the chain's distributor (`lib/rewards.json`). */
  token?: Address;
  /** How many blocks a snapshot must sit below the head before its epochs are paid (0 on a devnet: no reorgs). */
  finalityBlocks: number;
}

/** Checks the `rewards` entry of a points config file and says exactly what is wrong; undefined when absent. */
export function parseRewardsConfig(raw: unknown): RewardsConfig | undefined {
  const rewards = (raw as { rewards?: unknown } | null)?.rewards;
  if (rewards === undefined) return undefined;
  const entry = (rewards && typeof rewards === "object" ? rewards : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const budget = entry.budgetPerEpoch;
  const budgetOk = typeof budget === "string" && /^[0-9]+$/.test(budget) && BigInt(budget) > 0n;
  if (!budgetOk) problems.push("rewards.budgetPerEpoch must be a positive integer string (the token's smallest unit)");
  if (entry.token !== undefined && !(typeof entry.token === "string" && isAddress(entry.token))) {
    problems.push("rewards.token must be an address when given");
  }
  const finality = entry.finalityBlocks ?? 0;
  if (typeof finality !== "number" || !Number.isSafeInteger(finality) || finality < 0) {
    problems.push("rewards.finalityBlocks must be a non-negative integer");
  }
  if (problems.length > 0) throw new Error(`invalid rewards config: ${problems.join("; ")}`);
  return {
    budgetPerEpoch: BigInt(budget as string),
    ...(entry.token !== undefined && { token: getAddress(entry.token as string) }),
    finalityBlocks: finality as number,
  };
}
