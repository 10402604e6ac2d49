import type { Address, Hex } from "viem";

/**
 * Canonical Ethereum mainnet (chain id 1) addresses of the protocols Ferry migrates between: fork mode
 * (`FORK_URL`) runs Ferry against them. Same keys as the world's entry in lib/addresses.json, minus what only the
 * world has (demo accounts, Aave reserve tokens, V4 pools). The world build copies this book into
 * lib/addresses.json under "1", so the app, the indexer and forge scripts read mainnet like any other chain.
 *
 * Sources, by section:
 * - tokens: the issuers (circle.com/usdc, makerdao.com, wbtc.network, chain.link, uniswap.org, weth.io).
 * - uniswapV2 / uniswapV3: docs.uniswap.org/contracts/v2/reference/smart-contracts/v2-deployments and
 *   /contracts/v3/reference/deployments/ethereum-deployments; pairs and pools are the factories' CREATE2
 *   addresses (lib/chain/mainnet.test.ts recomputes them from the init code hashes).
 * - uniswapV4: docs.uniswap.org/contracts/v4/deployments (Ethereum), Permit2 from github.com/Uniswap/permit2.
 * - aaveV2 / aaveV3: github.com/bgd-labs/aave-address-book (AaveV2Ethereum.sol, AaveV3Ethereum.sol). The data
 *   provider is the one first registered; `startFork` checks each pool, oracle and data provider against the
 *   addresses provider on the fork and warns on drift.
 * None of this can be checked against mainnet from here (no RPC is reachable): fork mode reports drift at start.
 */
export const MAINNET_CHAIN_ID = 1;

/** Permit2 has this address on every chain (CREATE2 through the deterministic deployer), the devnet included. */
export const PERMIT2: Address = "0x000000000022D473030F116dDEE9F6B43aC78BA3";

export const MAINNET_ADDRESSES = {
  tokens: {
    WETH: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
    USDC: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    DAI: "0x6B175474E89094C44Da98b954EedeAC495271d0F",
    WBTC: "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599",
    LINK: "0x514910771AF9Ca656af840dff83E8264EcF986CA",
    UNI: "0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984",
  },
  uniswapV2: {
    factory: "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f",
    router: "0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D",
    pairs: {
      WETH_USDC: "0xB4e16d0168e52d35CaCD2c6185b44281Ec28C9Dc",
      DAI_USDC: "0xAE461cA67B15dc8dc81CE7615e0320dA1A9aB8D5",
      WBTC_WETH: "0xBb2b8038a1640196FbE3e38816F3e67Cba72D940",
    },
    pairInitCodeHash: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f",
  },
  uniswapV3: {
    factory: "0x1F98431c8aD98523631AE4a59f267346ea31F984",
    positionManager: "0xC36442b4a4522E871399CD717aBDD847Ab11FE88",
    swapRouter: "0xE592427A0AEce92De3Edee1F18E0157C05861564",
    quoterV2: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e",
    migrator: "0xA5644E29708357803b5A882D272c41cC0dF92B34",
    pools: {
      WETH_USDC_500: "0x88e6A0c2dDD26FEEb64F039a2c41296FcB3f5640",
      WETH_USDC_3000: "0x8ad599c3A0ff1De082011EFDDc58f1908eb6e6D8",
      DAI_USDC_100: "0x5777d92f208679DB4b9778590Fa3CAB3aC9e2168",
      WBTC_WETH_3000: "0xCBCdF9626bC03E24f779434178A73a0B4bad62eD",
      LINK_WETH_3000: "0xa6Cc3C2531FdaA6Ae1A3CA84c2855806728693e8",
    },
    poolInitCodeHash: "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54",
  },
  uniswapV4: {
    permit2: PERMIT2,
    poolManager: "0x000000000004444c5dc75cB358380D2e3dE08A90",
    positionDescriptor: "0xd1428Ba554F4C8450b763a0B2040A4935c63f06C",
    positionManager: "0xbD216513d74C8cf14cf4747E6AaA6420FF64ee9e",
    stateView: "0x7fFE42C4a5DEeA5b0feC41C94C136Cf115597227",
    quoter: "0x52F0E24D1c21C8A0cB1e5a5dD6198556BD9E1203",
    universalRouter: "0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af",
  },
  aaveV2: {
    addressesProvider: "0xB53C1a33016B2DC2fF3653530bfF1848a515c8c5",
    pool: "0x7d2768dE32b0b80b7a3454c06BdAc94A69DDc7A9",
    dataProvider: "0x057835Ad21a177dbdd3090bB1CAE03EaCF78Fc6d",
    oracle: "0xA50ba011c48153De246E5192C8f9258A2ba79Ca9",
  },
  aaveV3: {
    addressesProvider: "0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e",
    pool: "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2",
    dataProvider: "0x7B4EB56E7CD4b454BA8ff71E4518426369a138a3",
    oracle: "0x54586bE62E3c3580375aE3723C145253060Ca0C2",
  },
} as const satisfies Record<string, Record<string, Address | Hex | Record<string, Address>>>;
