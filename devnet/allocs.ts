/** One account as both `anvil_dumpState` and genesis allocs (forge's `vm.loadAllocs`) describe it. */
export interface AllocAccount {
  nonce: number;
  balance: string;
  code: string;
  storage: Record<string, string>;
}

export interface AnvilState {
  accounts: Record<string, AllocAccount>;
}

/** Genesis-alloc view of an anvil state dump, without accounts that hold nothing. */
export function toAllocs(state: AnvilState): Record<string, AllocAccount> {
  const allocs: Record<string, AllocAccount> = {};
  for (const [address, { nonce, balance, code, storage }] of Object.entries(state.accounts)) {
    const empty = nonce === 0 && BigInt(balance) === 0n && code === "0x" && Object.keys(storage).length === 0;
    if (!empty) allocs[address] = { nonce, balance, code, storage };
  }
  return allocs;
}
