import type { Address } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { rpc } from "./anvil";
import { supplyToAave } from "./deploy/aave-reserves";
import { AAVE_V2_POOL } from "./deploy/aave-v2";
import { at, Chain } from "./deploy/chain";
import { accounts, NO_DEADLINE, type TokenSymbol, WORLD_CHAIN_ID } from "./deploy/config";
import { approve, fund } from "./deploy/tokens";
import { V2_PAIRS, type V2PairName, v2Router } from "./deploy/uniswap-v2";
import { V3_POOLS, v3SwapRouter } from "./deploy/uniswap-v3";

/** A seeded pool: a V2 pair or an initialised V3 pool, by its name in lib/addresses.json. */
export type Venue = { v2: V2PairName } | { v3: (typeof V3_POOLS)[number]["name"] };

export interface PriceMove {
  venue: Venue;
  /** The token sold: its price in the pool falls, the other token's rises. */
  sell: TokenSymbol;
  /** Raw units of `sell`; the trader is funded with them first. */
  amount: bigint;
  /** Anvil unlocks every dev account; the deployer trades unless told otherwise. */
  trader?: Address;
}

/** Moves a world pool's price by swapping through the protocol's own router, as a real trader would. */
export async function movePrice(rpcUrl: string, move: PriceMove): Promise<void> {
  const chain = new Chain(rpcUrl);
  const world = addressesFor(WORLD_CHAIN_ID);
  const trader = move.trader ?? accounts.deployer;
  const spec = venueSpec(move.venue);
  const buy = spec.tokens.find((symbol) => symbol !== move.sell);
  if (!buy || !spec.tokens.includes(move.sell)) throw new Error(`${move.sell} does not trade in that pool`);
  const [tokenIn, tokenOut] = [world.tokens[move.sell], world.tokens[buy]];
  await fund(chain, world.tokens, move.sell, trader, move.amount);
  if (spec.fee === undefined) {
    await approve(chain, tokenIn, trader, world.uniswapV2.router, move.amount);
    await chain.write(trader, v2Router(world.uniswapV2.router), "swapExactTokensForTokens", [
      move.amount,
      0n,
      [tokenIn, tokenOut],
      trader,
      NO_DEADLINE,
    ]);
    return;
  }
  await approve(chain, tokenIn, trader, world.uniswapV3.swapRouter, move.amount);
  await chain.write(trader, v3SwapRouter(world.uniswapV3.swapRouter), "exactInputSingle", [
    {
      tokenIn,
      tokenOut,
      fee: spec.fee,
      recipient: trader,
      deadline: NO_DEADLINE,
      amountIn: move.amount,
      amountOutMinimum: 0n,
      sqrtPriceLimitX96: 0n,
    },
  ]);
}

function venueSpec(venue: Venue): { tokens: readonly TokenSymbol[]; fee?: number } {
  const spec =
    "v2" in venue ? V2_PAIRS.find(({ name }) => name === venue.v2) : V3_POOLS.find(({ name }) => name === venue.v3);
  if (!spec) throw new Error(`no seeded pool ${JSON.stringify(venue)}`);
  return spec;
}

/** Moves the chain's clock forward and mines a block, so interest accrues and deadlines pass. */
export async function advanceTime(rpcUrl: string, seconds: number): Promise<void> {
  await rpc(rpcUrl, "evm_increaseTime", [seconds]);
  await rpc(rpcUrl, "evm_mine", []);
}

/** Supplies a token to Aave V2 for a dev account (minted to it first), as a user would have before turning to Ferry. */
export async function supplyOnAaveV2(
  rpcUrl: string,
  supply: { supplier: Address; symbol: TokenSymbol; amount: bigint },
): Promise<void> {
  const chain = new Chain(rpcUrl);
  const world = addressesFor(WORLD_CHAIN_ID);
  const pool = at(world.aaveV2.pool, AAVE_V2_POOL);
  await supplyToAave(chain, pool, world.tokens, supply.supplier, supply.symbol, supply.amount);
}
