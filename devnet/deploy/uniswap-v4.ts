import { readFileSync } from "node:fs";
import {
  type Address,
  encodeAbiParameters,
  encodePacked,
  type Hex,
  keccak256,
  maxUint48,
  maxUint160,
  stringToHex,
  toHex,
  zeroAddress,
} from "viem";
import { PERMIT2 } from "../../lib/chain/mainnet";
import { type PoolKey, poolIdOf } from "../../lib/uniswap/v4/poolKey";
import { rpc } from "../anvil";
import { packageFile } from "./artifacts";
import { at, type Chain, type Contract } from "./chain";
import { NO_DEADLINE, type TokenSymbol, unitsForUsd, WORLD_CHAIN_ID } from "./config";
import { fullRange, fullRangeLiquidity, sortPair, worldSqrtPriceX96 } from "./price-math";
import { approve, fund, type Tokens } from "./tokens";
import type { UniswapV2 } from "./uniswap-v2";
import type { UniswapV3 } from "./uniswap-v3";

const PERIPHERY = "@uniswap/v4-periphery/foundry-out";
const periphery = (name: string) => `${PERIPHERY}/${name}.sol/${name}.json`;
export const V4_POSITION_MANAGER = periphery("PositionManager");
const PERMIT2_ABI = "@uniswap/permit2-sdk/dist/cjs/abis/Permit2.json";
/** Gas PositionManager gives a subscriber's `notifyUnsubscribe`, as deployed on mainnet. */
const UNSUBSCRIBE_GAS_LIMIT = 300_000n;

/** v4-periphery Actions.sol codes used to seed liquidity. */
export const V4_ACTIONS = { MINT_POSITION: 0x02, SETTLE_PAIR: 0x0d, SWEEP: 0x14 } as const;

/** `native` pools use ETH itself (currency 0x0) in place of WETH, as V4 allows. */
export const V4_POOLS = [
  { name: "ETH_USDC_500", tokens: ["WETH", "USDC"], native: true, fee: 500, tickSpacing: 10, sideUsd: 3_000_000 },
  { name: "WETH_USDC_3000", tokens: ["WETH", "USDC"], native: false, fee: 3000, tickSpacing: 60, sideUsd: 1_000_000 },
  { name: "DAI_USDC_100", tokens: ["DAI", "USDC"], native: false, fee: 100, tickSpacing: 1, sideUsd: 1_000_000 },
] as const satisfies readonly {
  name: string;
  tokens: readonly [TokenSymbol, TokenSymbol];
  native: boolean;
  fee: number;
  tickSpacing: number;
  sideUsd: number;
}[];

export type V4PoolName = (typeof V4_POOLS)[number]["name"];

export interface UniswapV4 {
  permit2: Address;
  poolManager: Address;
  positionDescriptor: Address;
  positionManager: Address;
  stateView: Address;
  quoter: Address;
  universalRouter: Address;
  pools: Record<V4PoolName, PoolKey & { id: Hex }>;
}

const POOL_KEY_ABI = [
  {
    type: "tuple",
    components: [
      { name: "currency0", type: "address" },
      { name: "currency1", type: "address" },
      { name: "fee", type: "uint24" },
      { name: "tickSpacing", type: "int24" },
      { name: "hooks", type: "address" },
    ],
  },
] as const;

export async function deployUniswapV4(
  chain: Chain,
  deployer: Address,
  tokens: Tokens,
  v2: UniswapV2,
  v3: UniswapV3,
): Promise<UniswapV4> {
  await rpc(chain.rpcUrl, "anvil_setCode", [PERMIT2, permit2RuntimeCode()]);
  const poolManager = await chain.deploy(deployer, "@uniswap/v4-core/out/PoolManager.sol/PoolManager.json", [deployer]);
  const eth = stringToHex("ETH", { size: 32 });
  const descriptor = await chain.deploy(deployer, periphery("PositionDescriptor"), [
    poolManager.address,
    tokens.WETH,
    eth,
  ]);
  const positionManager = await chain.deploy(deployer, V4_POSITION_MANAGER, [
    poolManager.address,
    PERMIT2,
    UNSUBSCRIBE_GAS_LIMIT,
    descriptor.address,
    tokens.WETH,
  ]);
  const stateView = await chain.deploy(deployer, periphery("StateView"), [poolManager.address]);
  const quoter = await chain.deploy(deployer, periphery("V4Quoter"), [poolManager.address]);
  const router = await chain.deploy(
    deployer,
    "@uniswap/universal-router/artifacts/contracts/UniversalRouter.sol/UniversalRouter.json",
    [
      {
        permit2: PERMIT2,
        weth9: tokens.WETH,
        v2Factory: v2.factory,
        v3Factory: v3.factory,
        pairInitCodeHash: v2.pairInitCodeHash,
        poolInitCodeHash: v3.poolInitCodeHash,
        v4PoolManager: poolManager.address,
        v3NFTPositionManager: v3.positionManager,
        v4PositionManager: positionManager.address,
        spokePool: zeroAddress,
      },
    ],
  );

  const pools = {} as UniswapV4["pools"];
  for (const spec of V4_POOLS) {
    const currencies: Tokens = spec.native ? { ...tokens, WETH: zeroAddress } : tokens;
    const [a, b] = spec.tokens;
    const pair = sortPair(currencies, a, b);
    const key: PoolKey = {
      currency0: pair.token0,
      currency1: pair.token1,
      fee: spec.fee,
      tickSpacing: spec.tickSpacing,
      hooks: zeroAddress,
    };
    const sqrtPriceX96 = worldSqrtPriceX96(pair);
    await chain.write(deployer, positionManager, "initializePool", [key, sqrtPriceX96]);
    const amount0 = unitsForUsd(pair.symbol0, spec.sideUsd);
    const amount1 = unitsForUsd(pair.symbol1, spec.sideUsd);
    await mintV4FullRange(chain, positionManager, tokens, deployer, { key, pair, sqrtPriceX96, amount0, amount1 });
    pools[spec.name] = { ...key, id: poolIdOf(key) };
  }

  return {
    permit2: PERMIT2,
    poolManager: poolManager.address,
    positionDescriptor: descriptor.address,
    positionManager: positionManager.address,
    stateView: stateView.address,
    quoter: quoter.address,
    universalRouter: router.address,
    pools,
  };
}

/** Mints a full-range position through PositionManager, paying ERC-20s through Permit2 allowances and ETH as value. */
async function mintV4FullRange(
  chain: Chain,
  positionManager: Contract,
  tokens: Tokens,
  owner: Address,
  position: {
    key: PoolKey;
    pair: ReturnType<typeof sortPair>;
    sqrtPriceX96: bigint;
    amount0: bigint;
    amount1: bigint;
  },
) {
  const { key, pair, sqrtPriceX96, amount0, amount1 } = position;
  const permit2 = at(PERMIT2, PERMIT2_ABI);
  let value = 0n;
  for (const [currency, symbol, amount] of [
    [key.currency0, pair.symbol0, amount0],
    [key.currency1, pair.symbol1, amount1],
  ] as const) {
    if (currency === zeroAddress) {
      value = amount;
      continue;
    }
    await fund(chain, tokens, symbol, owner, amount);
    await approve(chain, currency, owner, PERMIT2, amount);
    await chain.write(owner, permit2, "approve", [currency, positionManager.address, maxUint160, maxUint48]);
  }
  const { tickLower, tickUpper } = fullRange(key.tickSpacing);
  const liquidity = fullRangeLiquidity(sqrtPriceX96, amount0, amount1);
  const actions = encodePacked(
    ["uint8", "uint8", "uint8"],
    [V4_ACTIONS.MINT_POSITION, V4_ACTIONS.SETTLE_PAIR, V4_ACTIONS.SWEEP],
  );
  const params = [
    encodeAbiParameters(
      [
        POOL_KEY_ABI[0],
        { type: "int24" },
        { type: "int24" },
        { type: "uint256" },
        { type: "uint128" },
        { type: "uint128" },
        { type: "address" },
        { type: "bytes" },
      ],
      [key, tickLower, tickUpper, liquidity, amount0, amount1, owner, "0x"],
    ),
    encodeAbiParameters([{ type: "address" }, { type: "address" }], [key.currency0, key.currency1]),
    // Returns the ETH that SETTLE_PAIR did not need.
    encodeAbiParameters([{ type: "address" }, { type: "address" }], [zeroAddress, owner]),
  ];
  const unlockData = encodeAbiParameters([{ type: "bytes" }, { type: "bytes[]" }], [actions, params]);
  await chain.write(owner, positionManager, "modifyLiquidities", [unlockData, NO_DEADLINE], value);
}

/**
 * Permit2's runtime code as v4-periphery ships it, with its cached EIP-712 domain separator recomputed for the
 * canonical address on this chain. The shipped one was computed for another address, and PositionManager's
 * permitBatch swallows the resulting signature failures.
 */
export function permit2RuntimeCode(chainId = WORLD_CHAIN_ID): Hex {
  const source = readFileSync(packageFile("@uniswap/v4-periphery/lib/permit2/test/utils/DeployPermit2.sol"), "utf8");
  const code = source.match(/hex"([0-9a-f]+)"/)?.[1];
  if (!code) throw new Error("no Permit2 bytecode literal in DeployPermit2.sol");
  // DOMAIN_SEPARATOR(): CHAINID PUSH32 <cached chain id> SUB PUSH2 <jump> JUMPI PUSH32 <cached separator>
  const cachedChainId = toHex(chainId, { size: 32 }).slice(2);
  const pattern = new RegExp(`(467f${cachedChainId}0361[0-9a-f]{4}577f)([0-9a-f]{64})`);
  if (!pattern.test(code)) throw new Error("Permit2 bytecode layout changed: cached domain separator not found");
  return `0x${code.replace(pattern, (_, head: string) => head + permit2DomainSeparator(chainId).slice(2))}`;
}

function permit2DomainSeparator(chainId: number): Hex {
  const typeHash = keccak256(stringToHex("EIP712Domain(string name,uint256 chainId,address verifyingContract)"));
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }, { type: "address" }],
      [typeHash, keccak256(stringToHex("Permit2")), BigInt(chainId), PERMIT2],
    ),
  );
}
