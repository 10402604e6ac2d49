import {
  type Account,
  type Address,
  type Chain,
  createWalletClient,
  erc20Abi,
  type Hash,
  http,
  maxUint256,
  type PublicClient,
  publicActions,
} from "viem";
import { usdValue } from "../lib/campaign/points";
import {
  aaveV2DataProviderAbi,
  aaveV3OracleAbi,
  aaveV3PoolAbi,
  migratorAbi,
  nonfungiblePositionManagerAbi,
  uniswapV2PairAbi,
} from "../lib/generated/abis";
import { NO_PERMIT } from "../lib/migrator/encoding";
import { aaveV2ToV3Position } from "../lib/routes/aaveV2ToV3/params";
import { uniswapV2ToV3Position } from "../lib/routes/uniswapV2ToV3/params";
import { minedReceipt } from "./anvil";
import { withGasHeadroom } from "./gasHeadroom";

// No @uniswap/v3-sdk here (nor lib/uniswapV3, built on it): Playwright and tsx load this module with Node's own
// ESM loader, which rejects the SDK's ESM build. The few constants needed are TickMath's.
const TICK_SPACING: Record<number, number> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };
const MAX_TICK = 887_272;
/** Any price the pool may have: these helpers generate traffic on a devnet, they do not protect a user. */
export const SQRT_PRICE_MIN = 4295128739n;
export const SQRT_PRICE_MAX = 1461446703485210103287273052203988822378723970342n;

/** Full-range ticks for a fee tier, as the Migrator's callers pass them. */
export function fullRange(fee: number): { tickLower: number; tickUpper: number } {
  const spacing = TICK_SPACING[fee];
  if (!spacing) throw new Error(`unknown fee tier ${fee}`);
  const tickUpper = Math.floor(MAX_TICK / spacing) * spacing;
  return { tickLower: -tickUpper, tickUpper };
}

export type ChainWallet = ReturnType<typeof devnetWallet>;

/** A wallet client that can also read, for one account on the devnet behind `rpcUrl`; it sends with gas headroom. */
export function devnetWallet(rpcUrl: string, chain: Chain, account: Account) {
  return createWalletClient({ account, chain, transport: withGasHeadroom(http(rpcUrl)) }).extend(publicActions);
}

export interface V2ToV3Migration {
  migrator: Address;
  pair: Address;
  fee: number;
  /** Share of the wallet's LP balance, in basis points. */
  percentageBps: number;
}

/** The calldata arguments of `migrate` for a full-range V2 → V3 migration with no minimums and no permit. */
export function v2ToV3Args(token0: Address, token1: Address, fee: number, percentageBps: number, deadline: bigint) {
  const position = uniswapV2ToV3Position({
    token0,
    token1,
    lpAmount: 0n,
    percentageBps,
    amount0MinWithdrawn: 0n,
    amount1MinWithdrawn: 0n,
    fee,
    ...fullRange(fee),
    sqrtPriceX96Min: SQRT_PRICE_MIN,
    sqrtPriceX96Max: SQRT_PRICE_MAX,
    amount0MinDeposited: 0n,
    amount1MinDeposited: 0n,
    tokenId: 0n,
    permit: NO_PERMIT,
  });
  return [[position], deadline, false] as const;
}

/** Approves the pair to the Migrator once (unlimited), so later migrations need no permit. */
export async function approvePair(wallet: ChainWallet, pair: Address, migrator: Address): Promise<void> {
  const hash = await wallet.writeContract({
    address: pair,
    abi: erc20Abi,
    functionName: "approve",
    args: [migrator, maxUint256],
  });
  await expectSuccess(wallet, hash);
}

/** Sends one V2 → V3 migration (the pair must be approved) and returns its transaction hash once mined. */
export async function migrateV2ToV3(wallet: ChainWallet, migration: V2ToV3Migration): Promise<Hash> {
  const [token0, token1] = await Promise.all([
    wallet.readContract({ address: migration.pair, abi: uniswapV2PairAbi, functionName: "token0" }),
    wallet.readContract({ address: migration.pair, abi: uniswapV2PairAbi, functionName: "token1" }),
  ]);
  const block = await wallet.getBlock();
  const hash = await wallet.writeContract({
    address: migration.migrator,
    abi: migratorAbi,
    functionName: "migrate",
    args: v2ToV3Args(token0, token1, migration.fee, migration.percentageBps, block.timestamp + 3600n),
  });
  await expectSuccess(wallet, hash);
  return hash;
}

export interface AaveV2ToV3Migration {
  migrator: Address;
  /** Aave V2 ProtocolDataProvider, to find each collateral's aToken. */
  dataProvider: Address;
  /** Supplied assets to move; their V2 aTokens are approved to the Migrator (no permit). */
  collateral: Address[];
  /** Borrowed assets to move: the wallet must already have delegated V3 credit to the Migrator. */
  debt?: Address[];
  minHealthFactor?: bigint;
}

/** Approves each collateral's V2 aToken to the Migrator (unlimited) and sends one Aave V2 → V3 migration. */
export async function migrateAaveV2ToV3(wallet: ChainWallet, migration: AaveV2ToV3Migration): Promise<Hash> {
  for (const asset of migration.collateral) {
    const [aToken] = await wallet.readContract({
      address: migration.dataProvider,
      abi: aaveV2DataProviderAbi,
      functionName: "getReserveTokensAddresses",
      args: [asset],
    });
    const approval = await wallet.writeContract({
      address: aToken,
      abi: erc20Abi,
      functionName: "approve",
      args: [migration.migrator, maxUint256],
    });
    await expectSuccess(wallet, approval);
  }
  const position = aaveV2ToV3Position({
    collateral: migration.collateral.map((asset) => ({ asset, permit: NO_PERMIT })),
    debt: (migration.debt ?? []).map((asset) => ({ asset, delegation: NO_PERMIT })),
    minHealthFactor: migration.minHealthFactor ?? 0n,
    minSourceHealthFactor: 0n,
  });
  const block = await wallet.getBlock();
  const hash = await wallet.writeContract({
    address: migration.migrator,
    abi: migratorAbi,
    functionName: "migrate",
    args: [[position], block.timestamp + 3600n, false],
  });
  await expectSuccess(wallet, hash);
  return hash;
}

/** Withdraws `amount` (maxUint256: everything) of `asset` from Aave V3, as a user leaving the new version would. */
export async function withdrawAaveV3(wallet: ChainWallet, pool: Address, asset: Address, amount = maxUint256) {
  const hash = await wallet.writeContract({
    address: pool,
    abi: aaveV3PoolAbi,
    functionName: "withdraw",
    args: [asset, amount, wallet.account.address],
  });
  await expectSuccess(wallet, hash);
  return hash;
}

/** Removes `liquidity` from a V3 position the wallet owns, as a user pulling out of the new version would. */
export async function decreaseLiquidity(
  wallet: ChainWallet,
  positionManager: Address,
  tokenId: bigint,
  liquidity: bigint,
): Promise<Hash> {
  const block = await wallet.getBlock();
  const hash = await wallet.writeContract({
    address: positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "decreaseLiquidity",
    args: [{ tokenId, liquidity, amount0Min: 0n, amount1Min: 0n, deadline: block.timestamp + 3600n }],
  });
  await expectSuccess(wallet, hash);
  return hash;
}

/** Waits for `hash` to be mined, and throws if it reverted. */
export async function expectSuccess(wallet: ChainWallet, hash: Hash): Promise<void> {
  const receipt = await minedReceipt(wallet, hash);
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
}

/** Deposited amounts of a migration valued at the Aave V3 oracle's prices in its block (USD, 8 decimals). */
export async function depositedUsd(
  client: Pick<PublicClient, "readContract">,
  oracle: Address,
  blockNumber: bigint,
  migration: { token0: Address; token1: Address; amount0Deposited: bigint; amount1Deposited: bigint },
) {
  const leg = async (token: Address, amount: bigint) => {
    const [price, decimals] = await Promise.all([
      client.readContract({
        address: oracle,
        abi: aaveV3OracleAbi,
        functionName: "getAssetPrice",
        args: [token],
        blockNumber,
      }),
      client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
    ]);
    return { price, usd: usdValue(amount, decimals, price) };
  };
  const [leg0, leg1] = await Promise.all([
    leg(migration.token0, migration.amount0Deposited),
    leg(migration.token1, migration.amount1Deposited),
  ]);
  return { price0: leg0.price, price1: leg1.price, usd: leg0.usd + leg1.usd };
}
