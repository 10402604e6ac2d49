import { type Address, zeroAddress } from "viem";

/** A V4 pool's key (PoolKey): its id is the hash of these. Native ETH is `currency0` = the zero address. */
export interface V4PoolKey {
  currency0: Address;
  currency1: Address;
  /** Hundredths of a basis point (500 = 0.05%), or the dynamic-fee flag. */
  fee: number;
  tickSpacing: number;
  hooks: Address;
}

/** LPFeeLibrary.DYNAMIC_FEE_FLAG: the hook sets the fee per swap. */
const DYNAMIC_FEE_FLAG = 0x800000;

const shortAddress = (address: Address) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** "0.05%", "0.3%" written "0.30%" like V3's tiers, finer fees to the hundredth of a basis point. */
function feeLabel(fee: number): string {
  if (fee === DYNAMIC_FEE_FLAG) return "dynamic fee";
  const percent = fee / 10_000;
  return `${fee % 100 === 0 ? percent.toFixed(2) : String(percent)}%`;
}

/**
 * "ETH/USDC 0.05% · V4" for a V4 pool, its currencies named from the chain's address book (native ETH as "ETH", others
 * by short address); a pool with a hook says so ("· hook 0x1234…abcd"), since pools of one pair differ by it.
 */
export function v4PoolName(key: V4PoolKey, tokens: Readonly<Record<string, Address>>): string {
  const symbols = new Map(Object.entries(tokens).map(([symbol, token]) => [token.toLowerCase(), symbol]));
  const symbol = (currency: Address) =>
    currency === zeroAddress ? "ETH" : (symbols.get(currency.toLowerCase()) ?? shortAddress(currency));
  const hook = key.hooks === zeroAddress ? "" : ` · hook ${shortAddress(key.hooks)}`;
  return `${symbol(key.currency0)}/${symbol(key.currency1)} ${feeLabel(key.fee)} · V4${hook}`;
}
