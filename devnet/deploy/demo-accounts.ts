import type { Address } from "viem";
import { borrowFromAave, STABLE_RATE, supplyToAave, VARIABLE_RATE } from "./aave-reserves";
import { AAVE_V2_POOL, type AaveV2 } from "./aave-v2";
import { at, type Chain } from "./chain";
import { accounts, TOKENS, type TokenSymbol, unitsForUsd } from "./config";
import { fund, type Tokens } from "./tokens";
import { addV2Liquidity, type UniswapV2, V2_PAIRS, type V2PairName, v2Router } from "./uniswap-v2";
import {
  mintV3Position,
  swapRoundTrip,
  ticksAroundPrice,
  type UniswapV3,
  V3_POOLS,
  type V3PoolName,
  v3PositionManager,
} from "./uniswap-v3";

/** Spare wallet balance every demo account gets in each token, in USD. */
export const WALLET_USD = 50_000;
export const DEMO_ACCOUNTS = ["alice", "bob", "carol"] as const;

const pairSpec = (name: V2PairName) => V2_PAIRS.find((pair) => pair.name === name) ?? missing(name);
const poolSpec = (name: V3PoolName) => V3_POOLS.find((pool) => pool.name === name) ?? missing(name);
function missing(name: string): never {
  throw new Error(`no pool named ${name}`);
}

/** Traded through alice's V3 pool both ways after the demo positions are minted, so hers holds uncollected fees. */
const FEE_ROUND_TRIP_USD = 200_000;

/**
 * What each demo account holds in Uniswap (documented in devnet/README.md):
 * alice: V2 LP in every pair, an in-range V3 WETH/USDC 0.05 % position;
 * bob: V2 WETH/USDC LP, an out-of-range V3 WETH/USDC 0.3 % position, an in-range V3 DAI/USDC 0.01 % position;
 * carol: V2 WBTC/WETH and DAI/USDC LP.
 * alice's V3 position has earned fees from a round trip through its pool, which ends at the pool's starting price. Returns the V3 positions' token ids, named `<owner>_<pool>`.
 */
export async function seedUniswapPositions(chain: Chain, tokens: Tokens, v2: UniswapV2, v3: UniswapV3) {
  const router = v2Router(v2.router);
  const npm = v3PositionManager(v3.positionManager);
  const v2Lp: [Address, V2PairName, number][] = [
    [accounts.alice, "WETH_USDC", 10_000],
    [accounts.alice, "DAI_USDC", 10_000],
    [accounts.alice, "WBTC_WETH", 10_000],
    [accounts.bob, "WETH_USDC", 5_000],
    [accounts.carol, "WBTC_WETH", 20_000],
    [accounts.carol, "DAI_USDC", 5_000],
  ];
  for (const [owner, name, usd] of v2Lp) await addV2Liquidity(chain, router, tokens, owner, pairSpec(name).tokens, usd);

  const wethUsdc500 = poolSpec("WETH_USDC_500");
  const wethUsdc3000 = poolSpec("WETH_USDC_3000");
  const daiUsdc100 = poolSpec("DAI_USDC_100");
  const positions = {
    alice_WETH_USDC_500: await mintV3Position(
      chain,
      npm,
      tokens,
      accounts.alice,
      wethUsdc500,
      ticksAroundPrice(tokens, wethUsdc500, 100),
      5_000,
    ),
    bob_WETH_USDC_3000: await mintV3Position(
      chain,
      npm,
      tokens,
      accounts.bob,
      wethUsdc3000,
      ticksAroundPrice(tokens, wethUsdc3000, 10, true),
      5_000,
    ),
    bob_DAI_USDC_100: await mintV3Position(
      chain,
      npm,
      tokens,
      accounts.bob,
      daiUsdc100,
      ticksAroundPrice(tokens, daiUsdc100, 50),
      5_000,
    ),
  };
  // Only alice's pool: fees in the pools Ferry's V2 → V3 gas table mints into would move its figures.
  await swapRoundTrip(chain, v3, tokens, wethUsdc500, FEE_ROUND_TRIP_USD);
  // Token ids are small: numbers keep lib/addresses.json plain JSON.
  return Object.fromEntries(Object.entries(positions).map(([name, id]) => [name, Number(id)])) as Record<
    keyof typeof positions,
    number
  >;
}

/**
 * Aave V2 positions, all healthy: alice supplies WETH only; bob supplies WETH and borrows USDC at the variable
 * rate; carol supplies WBTC and borrows DAI at the stable rate.
 */
export async function seedAaveV2Positions(chain: Chain, tokens: Tokens, aave: AaveV2) {
  const pool = at(aave.pool, AAVE_V2_POOL);
  await supplyToAave(chain, pool, tokens, accounts.alice, "WETH", unitsForUsd("WETH", 30_000));
  await supplyToAave(chain, pool, tokens, accounts.bob, "WETH", unitsForUsd("WETH", 30_000));
  await borrowFromAave(chain, pool, accounts.bob, tokens.USDC, unitsForUsd("USDC", 10_000), VARIABLE_RATE);
  await supplyToAave(chain, pool, tokens, accounts.carol, "WBTC", unitsForUsd("WBTC", 60_000));
  await borrowFromAave(chain, pool, accounts.carol, tokens.DAI, unitsForUsd("DAI", 15_000), STABLE_RATE);
}

/** Tops up every demo account's wallet so it can try flows beyond its seeded positions. */
export async function fundDemoWallets(chain: Chain, tokens: Tokens) {
  for (const name of DEMO_ACCOUNTS) {
    for (const symbol of Object.keys(TOKENS) as TokenSymbol[]) {
      await fund(chain, tokens, symbol, accounts[name], unitsForUsd(symbol, WALLET_USD));
    }
  }
}
