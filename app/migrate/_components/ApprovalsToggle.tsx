/** How the user authorises Ferry: by signatures, or by approval transactions when the account cannot sign. */
export interface Approvals {
  /** The account has contract code (not an EIP-7702 delegation): it cannot sign permits. */
  contractWallet: boolean;
  /** Approval transactions instead of signatures: always for a smart-contract wallet, by choice otherwise. */
  active: boolean;
}

/** The manual switch to approval transactions, for EOAs whose wallet fails at typed-data signing. */
export function ApprovalsToggle({
  approvals,
  onChange,
}: {
  approvals: Approvals;
  onChange: (useApprovals: boolean) => void;
}) {
  return (
    <div className="space-y-1 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={approvals.active}
          disabled={approvals.contractWallet}
          onChange={(event) => onChange(event.target.checked)}
        />
        Approve with transactions instead of signing (smart-contract wallets)
      </label>
      {approvals.contractWallet ? (
        <p>
          Your account is a smart-contract wallet, which cannot sign permits: Ferry will ask for approval transactions
          instead.
        </p>
      ) : null}
    </div>
  );
}
