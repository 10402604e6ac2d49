import { type Address, type Hex, parseUnits, toHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** Anvil's default mnemonic: its dev accounts are public knowledge, which is what demo accounts need. */
export const DEV_MNEMONIC = "test test test test test test test test test test test junk";

export const devAccount = (index: number) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });

/** A dev account's private key, to print for importing into a browser wallet. */
export function devPrivateKey(index: number): Hex {
  const key = devAccount(index).getHdKey().privateKey;
  if (!key) throw new Error(`dev account ${index} has no private key`);
  return toHex(key);
}

/** Index 9 stays unused by the world so Ferry's contracts, deployed from it later, get deterministic addresses. */
export const ACCOUNT_INDEX = { deployer: 0, alice: 1, bob: 2, carol: 3, ferryDeployer: 9 } as const;
export type AccountName = keyof typeof ACCOUNT_INDEX;

export const accounts = Object.fromEntries(
  Object.entries(ACCOUNT_INDEX).map(([name, index]) => [name, devAccount(index).address]),
) as Record<AccountName, Address>;

export const WORLD_CHAIN_ID = 31337;

/** Fixed genesis time so that rebuilding gives the same world; Aave accrues interest from here. */
export const GENESIS_TIMESTAMP = 1_767_225_600; // 2026-01-01T00:00:00Z
/** Each block of the build is this much later than the one before, whatever the wall clock did meanwhile. */
export const BLOCK_TIME_SECONDS = 12;
export const DEV_ACCOUNT_BALANCE_ETH = 1_000_000;

export type TokenSymbol = "WETH" | "USDC" | "DAI" | "WBTC" | "LINK" | "UNI";

/** Mainnet-like decimals and one consistent set of USD prices shared by every pool and oracle. */
export const TOKENS: Record<TokenSymbol, { decimals: number; usd: number }> = {
  WETH: { decimals: 18, usd: 3000 },
  USDC: { decimals: 6, usd: 1 },
  DAI: { decimals: 18, usd: 1 },
  WBTC: { decimals: 8, usd: 60_000 },
  LINK: { decimals: 18, usd: 15 },
  UNI: { decimals: 18, usd: 10 },
};

/** Raw token units worth `usd` dollars at the world's prices. */
export function unitsForUsd(symbol: TokenSymbol, usd: number): bigint {
  const { decimals, usd: price } = TOKENS[symbol];
  return parseUnits((usd / price).toFixed(decimals), decimals);
}

/** Far enough in the future that seeding transactions never expire. */
export const NO_DEADLINE = 2n ** 48n;
