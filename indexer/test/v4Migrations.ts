import { type Address, encodeAbiParameters, type Hash, type Hex, maxUint256, parseAbi, zeroAddress } from "viem";
import { minedReceipt } from "../../devnet/anvil";
import type { ChainWallet } from "../../devnet/migrations";
import {
  iUniswapV2ToV4RouteParamsAbi,
  iUniswapV3ToV4RouteParamsAbi,
  migratorAbi,
  nonfungiblePositionManagerAbi,
  uniswapV2PairAbi,
  uniswapV4PositionManagerAbi,
} from "../../lib/generated/abis";
import { NO_PERMIT, routePosition } from "../../lib/migrator/encoding";
import type { PoolKey } from "../../lib/uniswap/v4/poolKey";

/**
 * V3 → V4 and V2 → V4 migrations sent through the Migrator on the world, authorised by approvals, into the full range
 * of a V4 pool with no minimums: traffic for the indexer's tests, not a user's protection.
 */

/** TickMath's price bounds: any pool price is accepted. */
const SQRT_PRICE_MIN = 4295128739n;
const SQRT_PRICE_MAX = 1461446703485210103287273052203988822378723970342n;
const MAX_TICK = 887_272;

/** The full range of a pool's tick spacing. */
export function fullRange(tickSpacing: number): { tickLower: number; tickUpper: number } {
  const tickUpper = Math.floor(MAX_TICK / tickSpacing) * tickSpacing;
  return { tickLower: -tickUpper, tickUpper };
}

/** A new full-range position in `poolKey`, minted to the caller. */
const fullRangeDestination = (poolKey: PoolKey) => ({
  poolKey,
  ...fullRange(poolKey.tickSpacing),
  sqrtPriceX96Min: SQRT_PRICE_MIN,
  sqrtPriceX96Max: SQRT_PRICE_MAX,
  amount0MinDeposited: 0n,
  amount1MinDeposited: 0n,
  tokenId: 0n,
});

async function send(wallet: ChainWallet, write: Promise<Hash>): Promise<Hash> {
  const hash = await write;
  const receipt = await minedReceipt(wallet, hash);
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
  return hash;
}

const deadline = async (wallet: ChainWallet) => (await wallet.getBlock()).timestamp + 3600n;

/** Sends one encoded route position through the Migrator, due an hour from the chain's time. */
async function migrateOne(wallet: ChainWallet, migrator: Address, position: ReturnType<typeof routePosition>) {
  return send(
    wallet,
    wallet.writeContract({
      address: migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: [[position], await deadline(wallet), false],
    }),
  );
}

/** Approves the V3 NFT to the Migrator and moves `percentageBps` of it (fees deposited) into `poolKey`. */
export async function migrateV3ToV4(
  wallet: ChainWallet,
  migration: {
    migrator: Address;
    v3PositionManager: Address;
    tokenId: bigint;
    percentageBps: number;
    poolKey: PoolKey;
  },
): Promise<Hash> {
  await send(
    wallet,
    wallet.writeContract({
      address: migration.v3PositionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "approve",
      args: [migration.migrator, migration.tokenId],
    }),
  );
  const position = routePosition("UniswapV3ToV4", iUniswapV3ToV4RouteParamsAbi, {
    tokenId: migration.tokenId,
    percentageBps: migration.percentageBps,
    amount0MinWithdrawn: 0n,
    amount1MinWithdrawn: 0n,
    depositFees: true,
    permit: NO_PERMIT,
    destination: fullRangeDestination(migration.poolKey),
  });
  return migrateOne(wallet, migration.migrator, position);
}

/** Approves the pair to the Migrator and moves `percentageBps` of the wallet's LP into `poolKey`. */
export async function migrateV2ToV4(
  wallet: ChainWallet,
  migration: { migrator: Address; pair: Address; percentageBps: number; poolKey: PoolKey },
): Promise<Hash> {
  const [token0, token1] = await Promise.all([
    wallet.readContract({ address: migration.pair, abi: uniswapV2PairAbi, functionName: "token0" }),
    wallet.readContract({ address: migration.pair, abi: uniswapV2PairAbi, functionName: "token1" }),
  ]);
  await send(
    wallet,
    wallet.writeContract({
      address: migration.pair,
      abi: uniswapV2PairAbi,
      functionName: "approve",
      args: [migration.migrator, maxUint256],
    }),
  );
  const position = routePosition("UniswapV2ToV4", iUniswapV2ToV4RouteParamsAbi, {
    token0,
    token1,
    lpAmount: 0n,
    percentageBps: migration.percentageBps,
    amount0MinWithdrawn: 0n,
    amount1MinWithdrawn: 0n,
    permit: NO_PERMIT,
    destination: fullRangeDestination(migration.poolKey),
  });
  return migrateOne(wallet, migration.migrator, position);
}

/** v4-periphery Actions. */
const DECREASE_LIQUIDITY = 0x01;
const TAKE_PAIR = 0x11;

/**
 * Removes `liquidity` from a V4 position the wallet owns through the V4 PositionManager (DECREASE_LIQUIDITY, then
 * TAKE_PAIR to the wallet), as a user pulling out of the new version would: the PoolManager's ModifyLiquidity shows it.
 */
export async function decreaseV4Liquidity(
  wallet: ChainWallet,
  positionManager: Address,
  position: { tokenId: bigint; liquidity: bigint; poolKey: PoolKey },
): Promise<Hash> {
  const decrease = encodeAbiParameters(
    [{ type: "uint256" }, { type: "uint256" }, { type: "uint128" }, { type: "uint128" }, { type: "bytes" }],
    [position.tokenId, position.liquidity, 0n, 0n, "0x"],
  );
  const take = encodeAbiParameters(
    [{ type: "address" }, { type: "address" }, { type: "address" }],
    [position.poolKey.currency0, position.poolKey.currency1, wallet.account.address],
  );
  const unlockData = encodeAbiParameters(
    [{ type: "bytes" }, { type: "bytes[]" }],
    [actionBytes([DECREASE_LIQUIDITY, TAKE_PAIR]), [decrease, take]],
  );
  return send(
    wallet,
    wallet.writeContract({
      address: positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "modifyLiquidities",
      args: [unlockData, await deadline(wallet)],
    }),
  );
}

/** UniversalRouter command V4_SWAP and v4-periphery Actions of an exact-input swap paid from the router's ETH. */
const V4_SWAP = 0x10;
const SWAP_EXACT_IN_SINGLE = 0x06;
const SETTLE_ALL = 0x0c;
const TAKE_ALL = 0x0f;
const universalRouterAbi = parseAbi(["function execute(bytes commands, bytes[] inputs, uint256 deadline) payable"]);

const actionBytes = (actions: number[]): Hex =>
  `0x${actions.map((action) => action.toString(16).padStart(2, "0")).join("")}`;

/**
 * Sells `amountIn` native ETH into a native-ETH V4 pool through the UniversalRouter (V4_SWAP: SWAP_EXACT_IN_SINGLE,
 * SETTLE_ALL from the ETH sent, TAKE_ALL to the wallet): pushes the pool's price down, as a farmer draining an
 * off-market pool would.
 */
export async function sellEthIntoV4Pool(
  wallet: ChainWallet,
  universalRouter: Address,
  poolKey: PoolKey,
  amountIn: bigint,
): Promise<Hash> {
  if (poolKey.currency0 !== zeroAddress) throw new Error("the pool's currency0 is not native ETH");
  const swap = encodeAbiParameters(
    [
      {
        type: "tuple",
        components: [
          {
            name: "poolKey",
            type: "tuple",
            components: [
              { name: "currency0", type: "address" },
              { name: "currency1", type: "address" },
              { name: "fee", type: "uint24" },
              { name: "tickSpacing", type: "int24" },
              { name: "hooks", type: "address" },
            ],
          },
          { name: "zeroForOne", type: "bool" },
          { name: "amountIn", type: "uint128" },
          { name: "amountOutMinimum", type: "uint128" },
          { name: "hookData", type: "bytes" },
        ],
      },
    ],
    [{ poolKey, zeroForOne: true, amountIn, amountOutMinimum: 0n, hookData: "0x" }],
  );
  const settle = encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [poolKey.currency0, amountIn]);
  const take = encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [poolKey.currency1, 0n]);
  const input = encodeAbiParameters(
    [{ type: "bytes" }, { type: "bytes[]" }],
    [actionBytes([SWAP_EXACT_IN_SINGLE, SETTLE_ALL, TAKE_ALL]), [swap, settle, take]],
  );
  return send(
    wallet,
    wallet.writeContract({
      address: universalRouter,
      abi: universalRouterAbi,
      functionName: "execute",
      args: [actionBytes([V4_SWAP]), [input], await deadline(wallet)],
      value: amountIn,
    }),
  );
}
