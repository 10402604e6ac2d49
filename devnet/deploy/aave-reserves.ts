import type { Address } from "viem";
import type { Chain, Contract } from "./chain";
import { TOKENS, type TokenSymbol, unitsForUsd } from "./config";
import { approve, fund } from "./tokens";

/** Risk parameters in basis points, close to what mainnet Aave used for these assets. */
export interface ReserveRisk {
  ltv: number;
  liquidationThreshold: number;
  liquidationBonus: number;
  borrowing: boolean;
  stableBorrowing: boolean;
}

export const RESERVES: Record<TokenSymbol, ReserveRisk> = {
  WETH: { ltv: 8000, liquidationThreshold: 8250, liquidationBonus: 10500, borrowing: true, stableBorrowing: false },
  USDC: { ltv: 7700, liquidationThreshold: 8000, liquidationBonus: 10450, borrowing: true, stableBorrowing: true },
  DAI: { ltv: 7500, liquidationThreshold: 8000, liquidationBonus: 10500, borrowing: true, stableBorrowing: true },
  WBTC: { ltv: 7000, liquidationThreshold: 7500, liquidationBonus: 10650, borrowing: true, stableBorrowing: false },
  LINK: { ltv: 5000, liquidationThreshold: 6500, liquidationBonus: 10750, borrowing: false, stableBorrowing: false },
  UNI: { ltv: 6500, liquidationThreshold: 7700, liquidationBonus: 11000, borrowing: false, stableBorrowing: false },
};

export const RESERVE_FACTOR_BPS = 1000n;
export const RAY = 10n ** 27n;
/** `percent` as a ray, e.g. rayPercent(4) = 0.04 · 1e27. */
export const rayPercent = (percent: number) => (RAY * BigInt(Math.round(percent * 100))) / 10_000n;

/** What the pool minted for one reserve. */
export interface ReserveTokens {
  aToken: Address;
  stableDebtToken: Address;
  variableDebtToken: Address;
}

/** Reads every reserve's aToken and debt tokens from a data provider (same call on V2 and V3). */
export async function readReserveTokens(chain: Chain, dataProvider: Contract, tokens: Record<TokenSymbol, Address>) {
  const reserves = {} as Record<TokenSymbol, ReserveTokens>;
  for (const symbol of Object.keys(TOKENS) as TokenSymbol[]) {
    const [aToken, stableDebtToken, variableDebtToken] = await chain.read<[Address, Address, Address]>(
      dataProvider,
      "getReserveTokensAddresses",
      [tokens[symbol]],
    );
    reserves[symbol] = { aToken, stableDebtToken, variableDebtToken };
  }
  return reserves;
}

/** The world's USD price with `decimals` decimals, for oracles. */
export const usdPrice = (symbol: TokenSymbol, decimals: number) =>
  BigInt(Math.round(TOKENS[symbol].usd * 1e6)) * 10n ** BigInt(decimals - 6);

/**
 * Funds `supplier` and supplies to an Aave pool. V2 calls it `deposit`, V3 `supply`; both take
 * (asset, amount, onBehalfOf, referralCode).
 */
export async function supplyToAave(
  chain: Chain,
  pool: Contract,
  tokens: Record<TokenSymbol, Address>,
  supplier: Address,
  symbol: TokenSymbol,
  amount: bigint,
) {
  await fund(chain, tokens, symbol, supplier, amount);
  await approve(chain, tokens[symbol], supplier, pool.address, amount);
  const method = pool.abi.some((item) => item.type === "function" && item.name === "supply") ? "supply" : "deposit";
  await chain.write(supplier, pool, method, [tokens[symbol], amount, supplier, 0]);
}

export const VARIABLE_RATE = 2n;
export const STABLE_RATE = 1n;

/** borrow(asset, amount, interestRateMode, referralCode, onBehalfOf), identical on V2 and V3. */
export async function borrowFromAave(
  chain: Chain,
  pool: Contract,
  borrower: Address,
  asset: Address,
  amount: bigint,
  rateMode: bigint,
) {
  await chain.write(borrower, pool, "borrow", [asset, amount, rateMode, 0, borrower]);
}

/** The deployer supplies `usd` worth of every reserve so that borrowers find liquidity. */
export async function seedAaveLiquidity(
  chain: Chain,
  pool: Contract,
  tokens: Record<TokenSymbol, Address>,
  deployer: Address,
  usdBySymbol: Record<TokenSymbol, number>,
) {
  for (const symbol of Object.keys(usdBySymbol) as TokenSymbol[]) {
    await supplyToAave(chain, pool, tokens, deployer, symbol, unitsForUsd(symbol, usdBySymbol[symbol]));
  }
}
