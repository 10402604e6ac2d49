import { type Hex, size } from "viem";

/** EIP-7702: an EOA that delegates to a contract carries `0xef0100 ‖ address` as its code, and still signs. */
const EIP7702_DELEGATION_PREFIX = "0xef0100";
const EIP7702_DELEGATION_SIZE = 23;

export type AccountKind = "eoa" | "contract";

/**
 * What an account is, from its code: none, or an EIP-7702 delegation, is a key-holding EOA that can sign permits;
 * anything else is a smart-contract wallet, which cannot produce an EOA signature.
 */
export function accountKindFromCode(code: Hex | undefined): AccountKind {
  if (code === undefined || code === "0x") return "eoa";
  const delegated = code.toLowerCase().startsWith(EIP7702_DELEGATION_PREFIX) && size(code) === EIP7702_DELEGATION_SIZE;
  return delegated ? "eoa" : "contract";
}
