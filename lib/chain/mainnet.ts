import { createRequire } from "node:module";
import { AaveV2Ethereum, AaveV3Ethereum } from "@aave-dao/aave-address-book";
import { type Address, getAddress, type Hex } from "viem";

// The Uniswap SDKs' ESM builds import extensionless paths, which Node's own ESM resolver (Playwright's test runner
// loads devnet, hence this file) refuses; their CommonJS builds load everywhere.
const require = createRequire(import.meta.url);
const { CHAIN_TO_ADDRESSES_MAP, ChainId, V2_FACTORY_ADDRESSES, V2_ROUTER_ADDRESSES } =
  require("@uniswap/sdk-core") as typeof import("@uniswap/sdk-core");
const { POOL_INIT_CODE_HASH } = require("@uniswap/v3-sdk") as typeof import("@uniswap/v3-sdk");
const { PERMIT2_ADDRESS } = require("@uniswap/permit2-sdk") as typeof import("@uniswap/permit2-sdk");

/**
 * Canonical Ethereum mainnet (chain id 1) addresses of the protocols Ferry migrates between: fork mode
 * (`FORK_URL`) runs Ferry against them. Same keys as the world's entry in lib/addresses.json, minus what only the
 * world has (demo accounts, Aave reserve tokens, V4 pools). The world build copies this book into
 * lib/addresses.json under "1", so the app, the indexer and forge scripts read mainnet like any other chain.
 * Build-time only (devnet, tests): the address-book packages never reach the browser bundle.
 *
 * Taken from the maintained address books: Aave's from `@aave-dao/aave-address-book`, Uniswap's from
 * `@uniswap/sdk-core` (V2, V3, V4), `@uniswap/v3-sdk` (pool init code hash) and `@uniswap/permit2-sdk`. The tokens
 * are Aave V3 Ethereum's reserves' underlyings (every token Ferry lists is one). Typed here only what no installed
 * package ships, each with its source:
 * - uniswapV2.pairs / uniswapV3.pools: the factories' CREATE2 addresses (lib/chain/mainnet.test.ts recomputes them);
 *   pairInitCodeHash: keccak256 of UniswapV2Pair's creation code (the test hashes @uniswap/v2-core's artifact).
 * - uniswapV3.swapRouter (the original SwapRouter, which the world deploys; sdk-core lists only SwapRouter02) and
 *   quoterV2 (sdk-core lists only the first Quoter): docs.uniswap.org/contracts/v3/reference/deployments/ethereum-deployments.
 * - uniswapV4.positionDescriptor and universalRouter: docs.uniswap.org/contracts/v4/deployments (Ethereum).
 * None of this can be checked against mainnet from here (no RPC is reachable): fork mode checks each Aave pool,
 * oracle and data provider against its addresses provider at start and reports drift.
 */
export const MAINNET_CHAIN_ID = ChainId.MAINNET;

/** Permit2 has this address on every chain (CREATE2 through the deterministic deployer), the devnet included. */
export const PERMIT2: Address = getAddress(PERMIT2_ADDRESS);

const uniswap = CHAIN_TO_ADDRESSES_MAP[ChainId.MAINNET];
const token = (symbol: "WETH" | "USDC" | "DAI" | "WBTC" | "LINK" | "UNI") =>
  getAddress(AaveV3Ethereum.ASSETS[symbol].UNDERLYING);
const required = (address: string | undefined, name: string): Address => {
  if (!address) throw new Error(`@uniswap/sdk-core lists no mainnet ${name}`);
  return getAddress(address);
};

export const MAINNET_ADDRESSES = {
  tokens: {
    WETH: token("WETH"),
    USDC: token("USDC"),
    DAI: token("DAI"),
    WBTC: token("WBTC"),
    LINK: token("LINK"),
    UNI: token("UNI"),
  },
  uniswapV2: {
    factory: required(V2_FACTORY_ADDRESSES[ChainId.MAINNET], "V2 factory"),
    router: required(V2_ROUTER_ADDRESSES[ChainId.MAINNET], "V2 router"),
    pairs: {
      WETH_USDC: "0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc",
      DAI_USDC: "0xAE461cA67B15dc8dc81CE7615e0320dA1A9aB8D5",
      WBTC_WETH: "0xBb2b8038a1640196FbE3e38816F3e67Cba72D940",
    },
    pairInitCodeHash: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f",
  },
  uniswapV3: {
    factory: getAddress(uniswap.v3CoreFactoryAddress),
    positionManager: required(uniswap.nonfungiblePositionManagerAddress, "V3 position manager"),
    swapRouter: "0xE592427A0AEce92De3Edee1F18E0157C05861564",
    quoterV2: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e",
    migrator: required(uniswap.v3MigratorAddress, "V3 migrator"),
    pools: {
      WETH_USDC_500: "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640",
      WETH_USDC_3000: "0x8ad599c3A0ff1De082011EFDDc58f1908eb6e6D8",
      DAI_USDC_100: "0x5777d92f208679DB4b9778590Fa3CAB3aC9e2168",
      WBTC_WETH_3000: "0xCBCdF9626bC03E24f779434178A73a0B4bad62eD",
      LINK_WETH_3000: "0xa6Cc3C2531FdaA6Ae1A3CA84c2855806728693e8",
    },
    poolInitCodeHash: POOL_INIT_CODE_HASH as Hex,
  },
  uniswapV4: {
    permit2: PERMIT2,
    poolManager: required(uniswap.v4PoolManagerAddress, "V4 pool manager"),
    positionDescriptor: "0xd1428Ba554F4C8450b763a0B2040A4935c63f06C",
    positionManager: required(uniswap.v4PositionManagerAddress, "V4 position manager"),
    stateView: required(uniswap.v4StateView, "V4 state view"),
    quoter: required(uniswap.v4QuoterAddress, "V4 quoter"),
    universalRouter: "0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af",
  },
  aaveV2: {
    addressesProvider: getAddress(AaveV2Ethereum.POOL_ADDRESSES_PROVIDER),
    pool: getAddress(AaveV2Ethereum.POOL),
    dataProvider: getAddress(AaveV2Ethereum.AAVE_PROTOCOL_DATA_PROVIDER),
    oracle: getAddress(AaveV2Ethereum.ORACLE),
  },
  aaveV3: {
    addressesProvider: getAddress(AaveV3Ethereum.POOL_ADDRESSES_PROVIDER),
    pool: getAddress(AaveV3Ethereum.POOL),
    dataProvider: getAddress(AaveV3Ethereum.AAVE_PROTOCOL_DATA_PROVIDER),
    oracle: getAddress(AaveV3Ethereum.ORACLE),
  },
} as const satisfies Record<string, Record<string, Address | Hex | Record<string, Address>>>;
