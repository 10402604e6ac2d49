// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IAaveAToken, IAaveDebtToken} from "../interfaces/external/IAaveTokens.sol";

/// @title AaveAuthorization
/// @notice Applies the caller's signed Aave authorisations for the Migrator and checks they suffice.
/// @dev Signatures run in try/catch: if someone front-ran one, the allowance it set is what counts. The allowance is
/// then checked, so a signature that silently did nothing cannot be mistaken for consent. `owner` is always the
/// `migrate` caller.
library AaveAuthorization {
    /// @notice Applies `permit` (if any) on `aToken` and requires `owner`'s allowance to cover `amount`.
    function permitAToken(address aToken, address owner, uint256 amount, IMigrator.PermitSignature memory permit)
        internal
    {
        if (permit.deadline != 0) {
            // solhint-disable no-empty-blocks
            try IAaveAToken(aToken)
                .permit(owner, address(this), permit.value, permit.deadline, permit.v, permit.r, permit.s) {}
                catch {}
            // solhint-enable no-empty-blocks
        }
        uint256 allowance = IAaveAToken(aToken).allowance(owner, address(this));
        if (allowance < amount) revert IMigrator.InsufficientAllowance(aToken, allowance, amount);
    }

    /// @notice Applies `delegation` (if any) on the V3 variable `debtToken` and requires `owner`'s credit delegation
    /// to the Migrator to cover `amount`.
    function delegateCredit(
        address debtToken,
        address owner,
        uint256 amount,
        IMigrator.PermitSignature memory delegation
    ) internal {
        if (delegation.deadline != 0) {
            // solhint-disable no-empty-blocks
            try IAaveDebtToken(debtToken)
                .delegationWithSig(
                    owner,
                    address(this),
                    delegation.value,
                    delegation.deadline,
                    delegation.v,
                    delegation.r,
                    delegation.s
                ) {}
                catch {}
            // solhint-enable no-empty-blocks
        }
        uint256 allowance = IAaveDebtToken(debtToken).borrowAllowance(owner, address(this));
        if (allowance < amount) revert IMigrator.InsufficientAllowance(debtToken, allowance, amount);
    }
}
