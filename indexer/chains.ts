import { type Address, zeroAddress } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { ferryDeploymentFor } from "../lib/migrator/deployment";

/** What the indexer needs to know about one chain; everything but the RPC comes from the deployment files. */
export interface IndexedChain {
  name: string;
  id: number;
  rpcUrl: string;
  migrator: Address;
  startBlock: number;
  positionManager: Address;
  /** Prices of reserve assets, USD with 8 decimals. */
  oracle: Address;
  /** Aave V3 Pool: where lending migrations land, followed for withdrawals of migrated assets. */
  aaveV3Pool: Address;
  /** What native ETH (a V4 currency of address 0) is priced as. */
  weth: Address;
  /** Uniswap V4: the PositionManager (the NFTs), the PoolManager (liquidity changes) and StateView (pool prices). */
  v4PositionManager: Address;
  v4PoolManager: Address;
  v4StateView: Address;
}

/** Whether a position manager is the chain's Uniswap V4 one: its positions' `pool` is a PoolId. */
export const isV4PositionManager = (chain: IndexedChain, positionManager: Address) =>
  positionManager.toLowerCase() === chain.v4PositionManager.toLowerCase();

/** The token the oracle prices a currency as: native ETH (a V4 currency of address 0) as WETH. */
export const oracleAsset = (chain: IndexedChain, currency: Address) =>
  currency === zeroAddress ? chain.weth : currency;

type Env = Record<string, string | undefined>;

/**
 * The chain to index (one per indexer): `FERRY_CHAIN_ID` (default 31337) with `PONDER_RPC_URL_<id>` or
 * `FERRY_RPC_URL`. Throws a message that names the missing or wrong setting.
 */
export function indexedChain(env: Env): IndexedChain {
  const id = Number(env.FERRY_CHAIN_ID ?? "31337");
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Error(`FERRY_CHAIN_ID must be a chain id, got "${env.FERRY_CHAIN_ID}"`);
  const rpcUrl = env[`PONDER_RPC_URL_${id}`] ?? env.FERRY_RPC_URL;
  if (!rpcUrl) throw new Error(`no RPC for chain ${id}: set PONDER_RPC_URL_${id} or FERRY_RPC_URL`);
  if (!/^https?:\/\//.test(rpcUrl)) throw new Error(`the RPC for chain ${id} must be an http(s) URL, got "${rpcUrl}"`);
  // A deployment handed over by the caller (tests, npm start) wins over the app's recorded one.
  const deployment = env.FERRY_MIGRATOR
    ? { migrator: env.FERRY_MIGRATOR as Address, deployBlock: Number(env.FERRY_START_BLOCK ?? 0) }
    : ferryDeploymentFor(id);
  if (!deployment) throw new Error(`Ferry is not deployed on chain ${id}: lib/ferry.json has no entry for it`);
  const addresses = addressesFor(id);
  return {
    name: `chain${id}`,
    id,
    rpcUrl,
    migrator: deployment.migrator,
    startBlock: deployment.deployBlock,
    positionManager: addresses.uniswapV3.positionManager,
    oracle: addresses.aaveV3.oracle,
    aaveV3Pool: addresses.aaveV3.pool,
    weth: addresses.tokens.WETH,
    v4PositionManager: addresses.uniswapV4.positionManager,
    v4PoolManager: addresses.uniswapV4.poolManager,
    v4StateView: addresses.uniswapV4.stateView,
  };
}
