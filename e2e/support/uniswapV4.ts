import { type Address, erc20Abi, erc721Abi, type LocalAccount } from "viem";
import { devnetWallet, expectSuccess, fullRange, SQRT_PRICE_MAX, SQRT_PRICE_MIN } from "../../devnet/migrations";
import { addressesFor } from "../../lib/chain/addresses";
import { migratorAbi, uniswapV4PositionManagerAbi } from "../../lib/generated/abis";
import { ferryDeploymentFor } from "../../lib/migrator/deployment";
import { NO_PERMIT } from "../../lib/migrator/encoding";
import { uniswapV2ToV4Position } from "../../lib/routes/uniswapV2ToV4/params";
import { type ChainClient, expect } from "./fixtures";

const { uniswapV2, uniswapV3, uniswapV4 } = addressesFor(31337);

/** The token id the V4 PositionManager mints next: the one a migration's new position gets. */
export const nextV4TokenId = (chain: ChainClient) =>
  chain.readContract({
    address: uniswapV4.positionManager,
    abi: uniswapV4PositionManagerAbi,
    functionName: "nextTokenId",
  });

/** The liquidity of a V4 position, as the PositionManager reads it. */
export const v4Liquidity = (chain: ChainClient, tokenId: bigint) =>
  chain.readContract({
    address: uniswapV4.positionManager,
    abi: uniswapV4PositionManagerAbi,
    functionName: "getPositionLiquidity",
    args: [tokenId],
  });

/** A whole V3 → V4 migration's outcome on chain: V3 position `v3TokenId` burned, V4 position `v4TokenId` `owner`'s. */
export async function expectMovedToV4(chain: ChainClient, v3TokenId: bigint, v4TokenId: bigint, owner: Address) {
  await expect(
    chain.readContract({
      address: uniswapV3.positionManager,
      abi: erc721Abi,
      functionName: "ownerOf",
      args: [v3TokenId],
    }),
    "the V3 position is burned",
  ).rejects.toThrow();
  expect(
    await chain.readContract({
      address: uniswapV4.positionManager,
      abi: erc721Abi,
      functionName: "ownerOf",
      args: [v4TokenId],
    }),
    "the new V4 position is the user's",
  ).toBe(owner);
}

/**
 * Gives `account` a V4 position as an earlier migration would have: half its V2 WETH/USDC LP moved by the Migrator
 * into a new full-range position of the world's WETH/USDC 0.3% V4 pool (an LP approval, then `migrate`, without
 * minimums: setup only). Returns the position's id. Built from the params encoder alone: the planning code imports the
 * Uniswap SDK, whose ESM build Playwright's loader cannot resolve.
 */
export async function giveV4Position(chain: ChainClient, account: LocalAccount) {
  const migrator = ferryDeploymentFor(31337)?.migrator as Address;
  const pair = uniswapV2.pairs.WETH_USDC;
  const { id: _, ...poolKey } = uniswapV4.pools.WETH_USDC_3000;
  const balance = await chain.readContract({
    address: pair,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [account.address],
  });
  const lpAmount = balance / 2n;
  const wallet = devnetWallet(chain.chain.rpcUrls.default.http[0] as string, chain.chain, account);
  await expectSuccess(
    wallet,
    await wallet.writeContract({ address: pair, abi: erc20Abi, functionName: "approve", args: [migrator, lpAmount] }),
  );
  const tokenId = await nextV4TokenId(chain);
  const position = uniswapV2ToV4Position({
    token0: uniswapV4.pools.WETH_USDC_3000.currency0,
    token1: uniswapV4.pools.WETH_USDC_3000.currency1,
    lpAmount,
    percentageBps: 0,
    amount0MinWithdrawn: 0n,
    amount1MinWithdrawn: 0n,
    permit: NO_PERMIT,
    destination: {
      poolKey,
      ...fullRange(poolKey.fee),
      sqrtPriceX96Min: SQRT_PRICE_MIN,
      sqrtPriceX96Max: SQRT_PRICE_MAX,
      amount0MinDeposited: 0n,
      amount1MinDeposited: 0n,
      tokenId: 0n,
    },
  });
  const deadline = (await chain.getBlock()).timestamp + 3600n;
  await expectSuccess(
    wallet,
    await wallet.writeContract({
      address: migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: [[position], deadline, false],
    }),
  );
  return tokenId;
}
