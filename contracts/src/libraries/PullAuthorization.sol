// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IAaveDebtToken} from "../interfaces/external/IAaveTokens.sol";
import {IERC20Permit} from "../interfaces/external/IERC20Permit.sol";
import {INonfungiblePositionManager} from "../interfaces/external/INonfungiblePositionManager.sol";

/// @title PullAuthorization
/// @notice The one way the Migrator is authorised to pull from its caller, for every kind of pull: apply the
/// caller's signature if one is given (`deadline != 0`), then require the resulting allowance to cover the pull.
/// @dev Each kind is a pair (signature call, allowance read): an EIP-2612 permit and `allowance`, Aave V3's
/// `delegationWithSig` and `borrowAllowance`; an ERC-721 permit and `getApproved`/`isApprovedForAll` fits the same
/// way. Signatures run in try/catch: if someone front-ran one, the allowance it set is what counts. The allowance is
/// then checked, so a signature that silently did nothing (a token whose fallback swallows `permit`) cannot be
/// mistaken for consent. `owner` is always the `migrate` caller, never an input.
library PullAuthorization {
    /// @notice Applies `permit` (if any) on the EIP-2612 `token` and requires `owner`'s allowance to the Migrator to
    /// cover `amount`.
    function permitErc20(address token, address owner, uint256 amount, IMigrator.PermitSignature memory permit)
        internal
    {
        if (permit.deadline != 0) {
            // solhint-disable no-empty-blocks
            try IERC20Permit(token)
                .permit(owner, address(this), permit.value, permit.deadline, permit.v, permit.r, permit.s) {}
                catch {}
            // solhint-enable no-empty-blocks
        }
        _requireCovered(token, IERC20Permit(token).allowance(owner, address(this)), amount);
    }

    /// @notice `permitErc20` for a Uniswap V2 pair the caller derived from the factory: a permit that went through has
    /// set the allowance to exactly `permit.value`, so that value is checked instead of reading the allowance back.
    /// @dev Only for a `pair` whose address comes from `UniswapV2Withdrawal.pairFor` and has code: that is the
    /// factory's `UniswapV2ERC20` code, whose `permit` reverts unless the owner signed it and then approves exactly
    /// `value`, so a permit cannot be swallowed. A permit that reverted (front-run, say) falls back to the allowance.
    function permitUniswapV2Pair(address pair, address owner, uint256 amount, IMigrator.PermitSignature memory permit)
        internal
    {
        if (permit.deadline != 0) {
            try IERC20Permit(pair)
                .permit(owner, address(this), permit.value, permit.deadline, permit.v, permit.r, permit.s) {
                _requireCovered(pair, permit.value, amount);
                return;
                // solhint-disable-next-line no-empty-blocks
            } catch {}
        }
        _requireCovered(pair, IERC20Permit(pair).allowance(owner, address(this)), amount);
    }

    /// @notice Applies `delegation` (if any) on the Aave V3 variable `debtToken` and requires `owner`'s credit
    /// delegation to the Migrator to cover `amount`.
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
        _requireCovered(debtToken, IAaveDebtToken(debtToken).borrowAllowance(owner, address(this)), amount);
    }

    /// @notice Applies `permit` (if any) on the Uniswap V3 position manager's `tokenId`, then requires `owner` to
    /// own the position and the Migrator to be approved for it (`getApproved`) or for all of `owner`'s positions.
    /// @dev `permit.value` is unused: an ERC-721 permit approves one token. A permit that went through has just
    /// approved the Migrator for `tokenId` (it reverts unless signed by the owner or an operator), so only the owner
    /// is read after it; the owner check is what keeps anyone from submitting another owner's permit.
    function permitErc721(
        INonfungiblePositionManager positionManager,
        address owner,
        uint256 tokenId,
        IMigrator.PermitSignature memory permit
    ) internal {
        if (permit.deadline != 0) {
            try positionManager.permit(address(this), tokenId, permit.deadline, permit.v, permit.r, permit.s) {
                _requireOwner(address(positionManager), owner, tokenId);
                return;
                // solhint-disable-next-line no-empty-blocks
            } catch {}
        }
        requireApprovedOwner(address(positionManager), owner, tokenId);
    }

    /// @notice Requires `owner` to own the ERC-721 `tokenId` of `nft` and the Migrator to be approved for it or for
    /// all of `owner`'s tokens.
    function requireApprovedOwner(address nft, address owner, uint256 tokenId) internal view {
        _requireOwner(nft, owner, tokenId);
        INonfungiblePositionManager positions = INonfungiblePositionManager(nft);
        if (positions.getApproved(tokenId) != address(this) && !positions.isApprovedForAll(owner, address(this))) {
            revert IMigrator.PositionNotApproved(nft, tokenId);
        }
    }

    function _requireOwner(address nft, address owner, uint256 tokenId) private view {
        address actualOwner = INonfungiblePositionManager(nft).ownerOf(tokenId);
        if (actualOwner != owner) revert IMigrator.PositionNotOwned(nft, tokenId, actualOwner);
    }

    function _requireCovered(address token, uint256 allowance, uint256 needed) private pure {
        if (allowance < needed) revert IMigrator.InsufficientAllowance(token, allowance, needed);
    }
}
