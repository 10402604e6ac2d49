import { type Address, keccak256 } from "viem";
import { loadArtifact } from "./artifacts";
import { at, type Chain, type Contract } from "./chain";
import { NO_DEADLINE, type TokenSymbol, unitsForUsd } from "./config";
import { approve, fund, type Tokens } from "./tokens";

const FACTORY = "@uniswap/v2-core/build/UniswapV2Factory.json";
const PAIR = "@uniswap/v2-core/build/UniswapV2Pair.json";
const ROUTER = "@uniswap/v2-periphery/build/UniswapV2Router02.json";

/** Pairs seeded by the world, with the USD depth of each side. */
export const V2_PAIRS = [
  { name: "WETH_USDC", tokens: ["WETH", "USDC"], sideUsd: 3_000_000 },
  { name: "DAI_USDC", tokens: ["DAI", "USDC"], sideUsd: 1_000_000 },
  { name: "WBTC_WETH", tokens: ["WBTC", "WETH"], sideUsd: 3_000_000 },
] as const satisfies readonly { name: string; tokens: readonly [TokenSymbol, TokenSymbol]; sideUsd: number }[];

export type V2PairName = (typeof V2_PAIRS)[number]["name"];

export interface UniswapV2 {
  factory: Address;
  router: Address;
  pairs: Record<V2PairName, Address>;
  pairInitCodeHash: `0x${string}`;
}

export async function deployUniswapV2(chain: Chain, deployer: Address, tokens: Tokens): Promise<UniswapV2> {
  const factory = await chain.deploy(deployer, FACTORY, [deployer]);
  const router = await chain.deploy(deployer, ROUTER, [factory.address, tokens.WETH]);
  const pairs = {} as Record<V2PairName, Address>;
  for (const pair of V2_PAIRS) {
    await addV2Liquidity(chain, router, tokens, deployer, pair.tokens, pair.sideUsd);
    pairs[pair.name] = await chain.read<Address>(factory, "getPair", [tokens[pair.tokens[0]], tokens[pair.tokens[1]]]);
  }
  const pairInitCodeHash = keccak256(loadArtifact(PAIR).bytecode);
  return { factory: factory.address, router: router.address, pairs, pairInitCodeHash };
}

/** Funds `provider` and adds liquidity worth `sideUsd` on each side through Router02 (creating the pair if needed). */
export async function addV2Liquidity(
  chain: Chain,
  router: Contract,
  tokens: Tokens,
  provider: Address,
  [a, b]: readonly [TokenSymbol, TokenSymbol],
  sideUsd: number,
) {
  const amountA = unitsForUsd(a, sideUsd);
  const amountB = unitsForUsd(b, sideUsd);
  for (const [symbol, amount] of [
    [a, amountA],
    [b, amountB],
  ] as const) {
    await fund(chain, tokens, symbol, provider, amount);
    await approve(chain, tokens[symbol], provider, router.address, amount);
  }
  await chain.write(provider, router, "addLiquidity", [
    tokens[a],
    tokens[b],
    amountA,
    amountB,
    0n,
    0n,
    provider,
    NO_DEADLINE,
  ]);
}

export const v2Router = (address: Address): Contract => at(address, ROUTER);
