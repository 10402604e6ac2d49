import {
  type Abi,
  type Address,
  type ContractErrorName,
  decodeErrorResult,
  type Hex,
  isHex,
  toFunctionSelector,
} from "viem";
import { formatAbiItem } from "viem/utils";
import { readableMessage } from "../chain/walletErrors";
import type {
  iUniswapV2ToV4RouteAbi,
  iUniswapV3ToV4RouteAbi,
  migratorAbi,
  uniswapV4ErrorsAbi,
} from "../generated/abis";
import * as generated from "../generated/abis";

/** Errors of Ferry's own contracts: the Migrator and the route contracts it runs by delegatecall. */
type FerryError =
  | ContractErrorName<typeof migratorAbi>
  | ContractErrorName<typeof iUniswapV3ToV4RouteAbi>
  | ContractErrorName<typeof iUniswapV2ToV4RouteAbi>;
type UniswapV4Error = ContractErrorName<typeof uniswapV4ErrorsAbi>;

/**
 * Each of Ferry's custom errors as a sentence: what happened and what to do. Typed against the ABIs, so a new error
 * in a contract fails the type check until it has its sentence here.
 */
const SENTENCES: Record<FerryError, string> = {
  MigrationsPaused: "Ferry's guardian has paused migrations. Nothing was moved; your positions are untouched.",
  NotGuardian: "Only Ferry's guardian can pause or unpause migrations.",
  DeadlinePassed: "The transaction's deadline passed before it was mined. Review the preview and send it again.",
  NoPositions: "Select at least one position to migrate.",
  Reentrancy: "A token or a pool's hook tried to call back into Ferry during the migration, which Ferry refuses.",
  EthNotAccepted: "Ferry only accepts ETH from WETH while unwrapping your refund.",
  EthTransferFailed:
    "Your account could not receive ETH back. Turn off “Receive ETH instead of WETH”, and send the migration without ETH.",
  PairNotFound: "This is not a Uniswap V2 pair Ferry recognises.",
  InvalidPercentage: "The share to migrate must be between 0.01% and 100%.",
  NothingToMigrate: "There is nothing left to migrate in this position: its balance is zero.",
  InsufficientAllowance:
    "Ferry is not allowed to move this position: a permit or credit delegation was not accepted or is too small. Sign it again, or approve instead.",
  WithdrawalSlippage:
    "The position would return less than your minimum: its pool's price moved since the preview. Refresh the preview or raise the slippage tolerance.",
  TokenBalanceMismatch:
    "This pool holds a token that takes a fee on transfer or changes balances by itself (rebasing); Ferry cannot move it without losing value. Nothing was moved.",
  PoolPriceOutOfBounds:
    "The V3 pool's price moved outside your tolerance. Refresh the preview, or raise the slippage tolerance if the new price is fine.",
  NotPositionOwner: "That V3 position belongs to another account.",
  PositionMismatch: "The position to add to is in another pool or range than the one chosen.",
  DepositSlippage:
    "The destination pool would take less than your minimum: its price moved since the preview. Refresh the preview or raise the slippage tolerance.",
  AaveV2ReserveMissing: "This asset is not listed on Aave V2, so there is no position of it to move.",
  AaveV3ReserveMissing: "This asset is not listed (or not active) on Aave V3 yet. Leave it on V2 for now.",
  AaveV3ReserveFrozen:
    "This asset is frozen or paused on Aave V3: it accepts no new supply or debt. Leave it on V2 for now.",
  AaveV3SupplyCapReached:
    "Aave V3's supply cap for this asset has too little room left for your supply. Leave it on V2, or try again when room frees up.",
  AaveV3BorrowCapReached:
    "Aave V3's borrow cap for this asset has too little room left for your debt. Repay part of it first, or try again later.",
  AaveV3BorrowingDisabled:
    "This asset cannot be borrowed on Aave V3, so its debt cannot move there. Repay it on V2 first.",
  AaveV3IsolatedCollateral:
    "This asset is isolation-mode collateral on Aave V3, which Ferry cannot enable for your debt. Move it without debt, or leave it on V2.",
  AaveV3EModeMismatch:
    "This debt is outside your Aave V3 e-mode category. Change your e-mode on Aave V3, or leave this debt on V2.",
  HealthFactorTooLow:
    "Your Aave V3 health factor after the move would be below your minimum. Move more collateral, less debt, or lower the minimum.",
  SourceHealthFactorTooLow:
    "What stays on Aave V2 would be left below your minimum health factor. Move the debt too, leave more supply on V2, or lower the minimum.",
  UnexpectedFlashLoan: "Ferry only accepts its own Aave flash loan during your migration.",
  PositionNotOwned: "That position belongs to another account.",
  PositionNotApproved:
    "Ferry is not approved for this position: the permit was not accepted. Sign it again, or approve the position instead.",
  DelegateCallOnly: "Route contracts run only inside Ferry's Migrator: send the migration to the Migrator.",
  InvalidParamsLength:
    "This migration's parameters are not encoded the way its route reads them. Reload the page and build the migration again.",
  HookMayTakeDeposit:
    "This Uniswap V4 pool's hook may take part of every deposit, so Ferry refuses it. Choose a pool without a hook.",
  CurrencyMismatch: "The chosen Uniswap V4 pool trades other tokens than the position. Choose a pool of the same pair.",
  V4PoolPriceOutOfBounds:
    "The Uniswap V4 pool's price moved outside your tolerance. Refresh the preview, or raise the slippage tolerance if the new price is fine.",
  NoLiquidityToDeposit:
    "At the Uniswap V4 pool's price, the amounts withdrawn add no liquidity to the chosen range. Widen the range or move it nearer the price.",
};

/**
 * Uniswap V4's errors a migration can meet, as sentences. The rest of them (the PoolManager's bookkeeping) mean a bug
 * rather than something to act on, and are shown by name.
 */
const UNISWAP_V4_SENTENCES: Partial<Record<UniswapV4Error, string>> = {
  HookCallFailed: "The Uniswap V4 pool's hook refused the deposit. Choose a pool without a hook.",
  InvalidHookResponse: "The Uniswap V4 pool's hook answered the deposit wrongly. Choose a pool without a hook.",
  HookAddressNotValid: "That hook address does not match its permissions: Uniswap V4 has no such pool.",
  ERC20TransferFailed: "A token transfer inside Uniswap V4 failed. Nothing was moved.",
  NativeTransferFailed: "Your account could not receive ETH from Uniswap V4. Choose the WETH pool instead.",
  TickMisaligned: "The range's ticks are not multiples of the pool's tick spacing. Pick the range again.",
  TicksMisordered: "The range's lower price is not below its upper price. Pick the range again.",
  TickLowerOutOfBounds: "The range starts below the lowest price Uniswap V4 allows. Pick the range again.",
  TickUpperOutOfBounds: "The range ends above the highest price Uniswap V4 allows. Pick the range again.",
  InvalidTick: "The range is outside the prices Uniswap V4 allows. Pick the range again.",
  TickSpacingTooLarge: "Uniswap V4 allows no pool with that tick spacing. Choose another pool.",
  TickSpacingTooSmall: "Uniswap V4 allows no pool with that tick spacing. Choose another pool.",
  LPFeeTooLarge: "Uniswap V4 allows no pool with that fee. Choose another pool.",
  NotApproved: "Ferry is not approved for that Uniswap V4 position. Approve it, or mint a new position instead.",
  MaximumAmountExceeded:
    "Uniswap V4 would take more than the position gives: its pool's price moved since the preview. Refresh the preview.",
  TickLiquidityOverflow: "The range's ticks already hold as much liquidity as Uniswap V4 allows. Pick another range.",
};

/**
 * A revert as a sentence: the Migrator's errors in words, a protocol's revert string quoted, anything else by its
 * name; never raw calldata.
 */
export function describeMigrationError(errorName: string | undefined, fallback: string): string {
  return (
    (errorName && (SENTENCES[errorName as FerryError] ?? UNISWAP_V4_SENTENCES[errorName as UniswapV4Error])) ||
    `The migration would fail: ${readableMessage(fallback)}`
  );
}

/**
 * Every custom error of every contract a migration touches (the Migrator and its routes, the protocols, the rewards
 * distributor): a revert can come from any of them, through any path (simulation, the wallet's gas estimate).
 */
const KNOWN_ERRORS: Abi = Object.values(generated).flatMap((abi) =>
  Array.isArray(abi)
    ? abi.filter((item): item is Abi[number] => typeof item === "object" && item.type === "error")
    : [],
);
const ERROR_BY_SELECTOR = new Map(
  KNOWN_ERRORS.flatMap((item) => (item.type === "error" ? [[toFunctionSelector(formatAbiItem(item)), item.name]] : [])),
);

export interface DecodedRevert {
  errorName: string;
  args: readonly unknown[];
  /** What to show when the error has no sentence: a revert string's text, or the error's name. */
  reason: string;
}

/**
 * Revert data decoded against every known error (and Solidity's `Error(string)` and `Panic`); when only the selector
 * is known (a wallet that quotes "custom error 0x…"), the name alone.
 */
export function decodeRevertData(data: Hex): DecodedRevert | undefined {
  try {
    const { errorName, args = [] } = decodeErrorResult({ abi: KNOWN_ERRORS, data });
    if (errorName === "WrappedError") return unwrapped(args as WrappedErrorArgs);
    const reason = errorName === "Error" && typeof args[0] === "string" ? args[0] : errorName;
    return { errorName, args, reason };
  } catch {
    const errorName = ERROR_BY_SELECTOR.get(data.slice(0, 10).toLowerCase() as Hex);
    return errorName ? { errorName, args: [], reason: errorName } : undefined;
  }
}

/** `CustomRevert.WrappedError`: the contract that reverted, the function called, its revert data, and where. */
type WrappedErrorArgs = readonly [target: Address, selector: Hex, reason: Hex, details: Hex];

/**
 * What Uniswap V4 wrapped in `WrappedError`: the revert of a hook or a token (which may be one of Ferry's, a hook
 * re-entering it), or, when that revert is unknown, where it happened (`HookCallFailed`, `ERC20TransferFailed`,
 * `NativeTransferFailed`), naming the contract.
 */
function unwrapped(args: WrappedErrorArgs): DecodedRevert {
  const [target, , reason, details] = args;
  const inner = decodeRevertData(reason);
  if (inner) return inner;
  const errorName = decodeRevertData(details)?.errorName ?? "WrappedError";
  return { errorName, args, reason: `${errorName} in ${target}` };
}

/**
 * The revert data somewhere in an error's chain of causes (viem's `raw`, an RPC error's `data`, a wallet's nested
 * `data.data`), or the selector a message quotes as "custom error 0x…".
 */
export function revertDataIn(error: unknown): Hex | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 10; depth++) {
    const { data, raw, cause, message } = current as {
      data?: unknown;
      raw?: unknown;
      cause?: unknown;
      message?: unknown;
    };
    const nested = typeof data === "object" && data ? (data as { data?: unknown }).data : undefined;
    for (const candidate of [raw, data, nested]) {
      if (typeof candidate === "string" && isHex(candidate) && candidate.length >= 10) return candidate;
    }
    const quoted = typeof message === "string" ? /custom error (0x[0-9a-fA-F]{8})/.exec(message)?.[1] : undefined;
    if (quoted) return quoted as Hex;
    current = cause;
  }
  return undefined;
}
