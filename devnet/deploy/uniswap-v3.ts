import { type Address, keccak256, stringToHex } from "viem";
import { loadArtifact } from "./artifacts";
import { at, type Chain, type Contract } from "./chain";
import { accounts, NO_DEADLINE, type TokenSymbol, unitsForUsd } from "./config";
import { alignTick, fullRange, sortPair, tickAtSqrtPrice, worldSqrtPriceX96 } from "./price-math";
import { approve, fund, type Tokens } from "./tokens";

const CORE = "@uniswap/v3-core/artifacts/contracts";
const PERIPHERY = "@uniswap/v3-periphery/artifacts/contracts";
const FACTORY = `${CORE}/UniswapV3Factory.sol/UniswapV3Factory.json`;
const POOL = `${CORE}/UniswapV3Pool.sol/UniswapV3Pool.json`;
const NPM = `${PERIPHERY}/NonfungiblePositionManager.sol/NonfungiblePositionManager.json`;
const SWAP_ROUTER = `${PERIPHERY}/SwapRouter.sol/SwapRouter.json`;

export const TICK_SPACING: Record<number, number> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

export interface V3PoolSpec {
  name: string;
  tokens: readonly [TokenSymbol, TokenSymbol];
  fee: number;
  sideUsd: number;
}

/** Initialised at the world's prices and seeded with full-range liquidity. */
export const V3_POOLS = [
  { name: "WETH_USDC_500", tokens: ["WETH", "USDC"], fee: 500, sideUsd: 3_000_000 },
  { name: "WETH_USDC_3000", tokens: ["WETH", "USDC"], fee: 3000, sideUsd: 1_000_000 },
  { name: "DAI_USDC_100", tokens: ["DAI", "USDC"], fee: 100, sideUsd: 1_000_000 },
  { name: "WBTC_WETH_3000", tokens: ["WBTC", "WETH"], fee: 3000, sideUsd: 2_000_000 },
] as const satisfies readonly V3PoolSpec[];

/** Created but never initialised, so migrations into a pool without a price can be exercised. */
export const V3_UNINITIALISED_POOL = { name: "LINK_WETH_3000", tokens: ["LINK", "WETH"], fee: 3000 } as const;

export type V3PoolName = (typeof V3_POOLS)[number]["name"] | typeof V3_UNINITIALISED_POOL.name;

export interface UniswapV3 {
  factory: Address;
  nftDescriptorLibrary: Address;
  tokenDescriptor: Address;
  positionManager: Address;
  swapRouter: Address;
  quoterV2: Address;
  migrator: Address;
  pools: Record<V3PoolName, Address>;
  poolInitCodeHash: `0x${string}`;
}

export async function deployUniswapV3(chain: Chain, deployer: Address, tokens: Tokens): Promise<UniswapV3> {
  const factory = await chain.deploy(deployer, FACTORY);
  await chain.write(deployer, factory, "enableFeeAmount", [100, 1]); // mainnet enabled the 0.01 % tier this way
  const library = await chain.deploy(deployer, `${PERIPHERY}/libraries/NFTDescriptor.sol/NFTDescriptor.json`);
  const descriptor = await chain.deploy(
    deployer,
    `${PERIPHERY}/NonfungibleTokenPositionDescriptor.sol/NonfungibleTokenPositionDescriptor.json`,
    [tokens.WETH, stringToHex("ETH", { size: 32 })],
    { NFTDescriptor: library.address },
  );
  const npm = await chain.deploy(deployer, NPM, [factory.address, tokens.WETH, descriptor.address]);
  const swapRouter = await chain.deploy(deployer, SWAP_ROUTER, [factory.address, tokens.WETH]);
  const quoter = await chain.deploy(deployer, `${PERIPHERY}/lens/QuoterV2.sol/QuoterV2.json`, [
    factory.address,
    tokens.WETH,
  ]);
  const migrator = await chain.deploy(deployer, `${PERIPHERY}/V3Migrator.sol/V3Migrator.json`, [
    factory.address,
    tokens.WETH,
    npm.address,
  ]);

  const pools = {} as Record<V3PoolName, Address>;
  for (const spec of V3_POOLS) {
    pools[spec.name] = await createV3Pool(chain, deployer, { factory, npm }, tokens, spec);
    await mintV3Position(chain, npm, tokens, deployer, spec, fullRange(TICK_SPACING[spec.fee] ?? 1), spec.sideUsd);
  }
  const [a, b] = V3_UNINITIALISED_POOL.tokens;
  await chain.write(deployer, factory, "createPool", [tokens[a], tokens[b], V3_UNINITIALISED_POOL.fee]);
  pools[V3_UNINITIALISED_POOL.name] = await chain.read<Address>(factory, "getPool", [
    tokens[a],
    tokens[b],
    V3_UNINITIALISED_POOL.fee,
  ]);

  return {
    factory: factory.address,
    nftDescriptorLibrary: library.address,
    tokenDescriptor: descriptor.address,
    positionManager: npm.address,
    swapRouter: swapRouter.address,
    quoterV2: quoter.address,
    migrator: migrator.address,
    pools,
    poolInitCodeHash: keccak256(loadArtifact(POOL).bytecode),
  };
}

async function createV3Pool(
  chain: Chain,
  deployer: Address,
  { factory, npm }: { factory: Contract; npm: Contract },
  tokens: Tokens,
  spec: V3PoolSpec,
): Promise<Address> {
  const pair = sortPair(tokens, ...spec.tokens);
  const args = [pair.token0, pair.token1, spec.fee, worldSqrtPriceX96(pair)];
  await chain.write(deployer, npm, "createAndInitializePoolIfNecessary", args);
  return chain.read<Address>(factory, "getPool", [pair.token0, pair.token1, spec.fee]);
}

/** Ticks `widthSpacings` tick spacings around the world price, or entirely above it when `aboveRange`. */
export function ticksAroundPrice(tokens: Tokens, spec: V3PoolSpec, widthSpacings: number, aboveRange = false) {
  const spacing = TICK_SPACING[spec.fee] ?? 1;
  const current = alignTick(tickAtSqrtPrice(worldSqrtPriceX96(sortPair(tokens, ...spec.tokens))), spacing);
  return aboveRange
    ? { tickLower: current + spacing * widthSpacings, tickUpper: current + spacing * 2 * widthSpacings }
    : { tickLower: current - spacing * widthSpacings, tickUpper: current + spacing * widthSpacings };
}

/** Funds `owner` with `sideUsd` of each token and mints a position; returns its token id. */
export async function mintV3Position(
  chain: Chain,
  npm: Contract,
  tokens: Tokens,
  owner: Address,
  spec: V3PoolSpec,
  ticks: { tickLower: number; tickUpper: number },
  sideUsd: number,
): Promise<bigint> {
  const pair = sortPair(tokens, ...spec.tokens);
  const amount0 = unitsForUsd(pair.symbol0, sideUsd);
  const amount1 = unitsForUsd(pair.symbol1, sideUsd);
  for (const [symbol, amount] of [
    [pair.symbol0, amount0],
    [pair.symbol1, amount1],
  ] as const) {
    await fund(chain, tokens, symbol, owner, amount);
    await approve(chain, tokens[symbol], owner, npm.address, amount);
  }
  const params = {
    token0: pair.token0,
    token1: pair.token1,
    fee: spec.fee,
    ...ticks,
    amount0Desired: amount0,
    amount1Desired: amount1,
    amount0Min: 0n,
    amount1Min: 0n,
    recipient: owner,
    deadline: NO_DEADLINE,
  };
  await chain.write(owner, npm, "mint", [params]);
  const count = await chain.read<bigint>(npm, "balanceOf", [owner]);
  return chain.read<bigint>(npm, "tokenOfOwnerByIndex", [owner, count - 1n]);
}

/**
 * Sells `sideUsd` of the pool's token0, then buys it back up to the starting price (the swap's price limit), as
 * traders would: the positions in range earn fees both ways and the pool ends where it started.
 */
export async function swapRoundTrip(chain: Chain, v3: UniswapV3, tokens: Tokens, spec: V3PoolSpec, sideUsd: number) {
  const trader = accounts.deployer;
  const pair = sortPair(tokens, ...spec.tokens);
  const pool = at(v3.pools[spec.name as V3PoolName], POOL);
  const router = v3SwapRouter(v3.swapRouter);
  const [startSqrtPriceX96] = await chain.read<readonly [bigint]>(pool, "slot0");
  const legs = [
    { sell: pair.symbol0, buy: pair.symbol1, sqrtPriceLimitX96: 0n },
    // Twice the value in: the price limit, not the amount, ends this leg.
    { sell: pair.symbol1, buy: pair.symbol0, sqrtPriceLimitX96: startSqrtPriceX96 },
  ] as const;
  for (const [index, leg] of legs.entries()) {
    const amountIn = unitsForUsd(leg.sell, sideUsd * (index + 1));
    await fund(chain, tokens, leg.sell, trader, amountIn);
    await approve(chain, tokens[leg.sell], trader, v3.swapRouter, amountIn);
    await chain.write(trader, router, "exactInputSingle", [
      {
        tokenIn: tokens[leg.sell],
        tokenOut: tokens[leg.buy],
        fee: spec.fee,
        recipient: trader,
        deadline: NO_DEADLINE,
        amountIn,
        amountOutMinimum: 0n,
        sqrtPriceLimitX96: leg.sqrtPriceLimitX96,
      },
    ]);
  }
  const [endSqrtPriceX96] = await chain.read<readonly [bigint]>(pool, "slot0");
  if (endSqrtPriceX96 !== startSqrtPriceX96) throw new Error(`${spec.name} did not return to its starting price`);
}

export const v3PositionManager = (address: Address): Contract => at(address, NPM);
export const v3SwapRouter = (address: Address): Contract => at(address, SWAP_ROUTER);
