import type { Address } from "viem";

/**
 * Canonical Ethereum mainnet (chain id 1) addresses of the protocols Ferry migrates between, used in fork mode.
 * Sources:
 * - Uniswap V2/V3/V4, Permit2, UniversalRouter: docs.uniswap.org/contracts/v2|v3|v4/deployments
 *   and github.com/Uniswap/universal-router/tree/main/deploy-addresses/mainnet.json
 * - Aave V2/V3: github.com/bgd-labs/aave-address-book (AaveV2Ethereum.sol, AaveV3Ethereum.sol)
 * - Tokens: the issuers' own pages (circle.com for USDC, makerdao.com for DAI, wbtc.network, chain.link)
 */
export const MAINNET_CHAIN_ID = 1;

/** Permit2 has this address on every chain (CREATE2 through the deterministic deployer), the devnet included. */
export const PERMIT2: Address = "0x000000000022D473030F116dDEE9F6B43aC78BA3";
