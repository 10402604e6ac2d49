import { type Chain, createPublicClient, createWalletClient, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { toViemChain } from "../lib/chain/config";
import { ACCOUNT_INDEX, type AccountName, devPrivateKey } from "./deploy/config";
import { deployFerry, scratchDeploymentFile } from "./deployFerry";
import { withGasHeadroom } from "./gasHeadroom";
import { type RunningChain, startWorld } from "./world";

/** A world node with the clients the world tests read and send through (the page's batched client). */
export interface WorldClient {
  world: RunningChain;
  chain: Chain;
  client: PublicClient;
}

/** Starts the world and connects to it as the app does; the caller stops `world`. */
export async function startWorldClient(): Promise<WorldClient> {
  const world = await startWorld();
  const chain = toViemChain({ chainId: world.chainId, chainName: "world", rpcUrl: world.rpcUrl });
  const client = createPublicClient({ chain, transport: http(), batch: { multicall: { deployless: true } } });
  return { world, chain, client };
}

/** Deploys Ferry on `world`, recorded to a scratch file so the checked-in deployment stays as it is. */
export async function deployScratchMigrator(world: RunningChain) {
  return (await deployFerry(world.rpcUrl, world.chainId, { recordTo: scratchDeploymentFile() })).migrator;
}

/** A demo account's wallet on `chain`, sending with gas headroom. */
export const walletOf = (chain: Chain, name: AccountName) =>
  createWalletClient({
    account: privateKeyToAccount(devPrivateKey(ACCOUNT_INDEX[name])),
    chain,
    transport: withGasHeadroom(http()),
  });
