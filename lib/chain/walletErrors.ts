import { BaseError, InsufficientFundsError, UserRejectedRequestError } from "viem";

export const NOT_ENOUGH_ETH =
  "Your account does not have enough ETH to pay for gas. Add ETH and try again; nothing was sent.";

/**
 * A sentence a person understands for an error thrown by a wallet or an RPC call. The caller keeps the user's
 * input; this only says what happened and what to do.
 */
export function describeWalletError(error: unknown): string {
  if (isUserRejection(error)) {
    return "You rejected the request in your wallet. Nothing was signed or sent; your choices are kept, so you can try again.";
  }
  if (error instanceof BaseError && error.walk((cause) => cause instanceof InsufficientFundsError)) {
    return NOT_ENOUGH_ETH;
  }
  const message = readableMessage(
    error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : "",
  );
  if (/fetch failed|Failed to fetch|HTTP request failed|timed? ?out/i.test(message)) {
    return "The network node did not answer. Check your connection or RPC and try again; nothing was sent.";
  }
  return message ? `Something went wrong: ${message}` : "Something went wrong. Nothing was sent; try again.";
}

export function isUserRejection(error: unknown): boolean {
  if (error instanceof BaseError) {
    return error.walk((cause) => cause instanceof UserRejectedRequestError) !== null;
  }
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === 4001;
}

/** Hex longer than an address (calldata, revert data, signatures) tells a person nothing and widens the page. */
const LONG_HEX = /0x[0-9a-fA-F]{41,}/g;

/** An error message cut to its first line, with long hex elided: what a person can read of it. */
export function readableMessage(message: string): string {
  return (message.split("\n")[0] ?? "").replace(LONG_HEX, (hex) => `${hex.slice(0, 10)}…`).trim();
}
