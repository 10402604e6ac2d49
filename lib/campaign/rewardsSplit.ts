/**
 * An epoch's reward budget split between users pro rata to their points, in the reward token's smallest unit.
 * Shares round down, so they never add up to more than the budget; the rest (fewer units than there are users) is
 * the dust, which stays in the distributor.
 */
import { type Address, getAddress } from "viem";
import type { CumulativeReward } from "./rewardsTree";

export interface EpochSplit {
  /** Each user's share, keyed by checksummed address; users with no share are left out. */
  shares: Map<Address, bigint>;
  /** `budget` minus the shares: what rounding left unpaid. */
  dust: bigint;
}

/** Splits `budget` pro rata to `points`: `floor(budget × points / total points)` each. */
export function splitProRata(budget: bigint, points: ReadonlyMap<Address, bigint>): EpochSplit {
  if (budget < 0n) throw new Error(`an epoch budget cannot be negative (got ${budget})`);
  let totalPoints = 0n;
  for (const [user, userPoints] of points) {
    if (userPoints < 0n) throw new Error(`points cannot be negative (${user} has ${userPoints})`);
    totalPoints += userPoints;
  }
  const shares = new Map<Address, bigint>();
  if (totalPoints === 0n) return { shares, dust: budget };
  let paid = 0n;
  for (const [user, userPoints] of points) {
    const share = (budget * userPoints) / totalPoints;
    if (share === 0n) continue;
    const key = getAddress(user);
    shares.set(key, (shares.get(key) ?? 0n) + share);
    paid += share;
  }
  return { shares, dust: budget - paid };
}

/** One final epoch of a campaign: its budget in `token` and the points each user earned in it. */
export interface EpochRewards {
  token: Address;
  budget: bigint;
  points: ReadonlyMap<Address, bigint>;
  /** How many consecutive epochs had exactly this budget and these points (1 when omitted): each pays its split. */
  repeat?: number;
}

/** Every user's cumulative reward per token over `epochs`: the leaves of the next rewards tree. */
export function cumulativeRewards(epochs: readonly EpochRewards[]): CumulativeReward[] {
  const totals = new Map<string, CumulativeReward>();
  for (const { token, budget, points, repeat = 1 } of epochs) {
    for (const [user, share] of splitProRata(budget, points).shares) {
      const key = `${user}:${getAddress(token)}`;
      const total = totals.get(key) ?? { user, token: getAddress(token), cumulativeAmount: 0n };
      total.cumulativeAmount += share * BigInt(repeat);
      totals.set(key, total);
    }
  }
  return [...totals.values()];
}
