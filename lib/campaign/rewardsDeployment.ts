import type { Address } from "viem";
import deployments from "../rewards.json" with { type: "json" };

/** A campaign's distributor and reward token on one chain, as `contracts/script/DeployRewards.s.sol` records them. */
export interface RewardsDeployment {
  distributor: Address;
  rewardToken: Address;
  deployBlock: number;
}

const byChain = deployments as Record<string, RewardsDeployment | undefined>;

/** The rewards deployment on `chainId` (`lib/rewards.json`), or undefined where no campaign pays rewards. */
export function rewardsDeploymentFor(chainId: number): RewardsDeployment | undefined {
  return byChain[String(chainId)];
}
