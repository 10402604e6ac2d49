import { privateKeyToAccount } from "viem/accounts";
import { parseIndexerConfig } from "../lib/campaign/indexerConfig";
import { parseChainConfig, toViemChain } from "../lib/chain/config";
import { readPointsConfig } from "./campaign";
import { operatorKey, publishRewards } from "./publisher";
import { rewardsSetup } from "./rewards";

/**
 * `npm run rewards:publish`: one publishing round against the chain (`FERRY_CHAIN_ID`, `FERRY_RPC_URL`) and the
 * indexer (`FERRY_INDEXER_URL`), proposing as the operator (`FERRY_OPERATOR_KEY`). Prints what it did.
 */
try {
  const chainConfig = parseChainConfig(process.env);
  const config = readPointsConfig(process.env.FERRY_POINTS_CONFIG);
  const rewards = rewardsSetup(process.env, chainConfig.chainId, config);
  if (!rewards) {
    throw new Error(
      `no rewards campaign on chain ${chainConfig.chainId}: it needs a distributor (FERRY_DISTRIBUTOR or lib/rewards.json) and a "rewards" entry in the points config`,
    );
  }
  const outcome = await publishRewards({
    chain: toViemChain(chainConfig),
    rpcUrl: chainConfig.rpcUrl,
    indexerUrl: parseIndexerConfig(process.env).url,
    rewards,
    operator: privateKeyToAccount(operatorKey(process.env)),
  });
  console.log(JSON.stringify(outcome, (_, value) => (typeof value === "bigint" ? value.toString() : value)));
} catch (error) {
  console.error(`rewards:publish failed: ${(error as Error).message}`);
  process.exit(1);
}
