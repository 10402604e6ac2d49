import type { Address } from "viem";
import deployments from "../ferry.json" with { type: "json" };

/** Ferry's own contracts on one chain, as `contracts/script/Deploy.s.sol` records them. */
export interface FerryDeployment {
  migrator: Address;
  deployBlock: number;
}

const byChain = deployments as Record<string, FerryDeployment | undefined>;

/** Ferry's deployment on `chainId`, or undefined where Ferry is not deployed. */
export function ferryDeploymentFor(chainId: number): FerryDeployment | undefined {
  return byChain[String(chainId)];
}
