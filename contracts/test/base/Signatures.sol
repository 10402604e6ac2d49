// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IAaveV2AToken} from "../utils/interfaces/IAaveV2.sol";
import {IAaveV3CreditDelegationToken} from "../utils/interfaces/IAaveV3.sol";
import {Vm} from "forge-std/Vm.sol";

interface INpmPermit {
    function DOMAIN_SEPARATOR() external view returns (bytes32);
    function positions(uint256 tokenId)
        external
        view
        returns (uint96, address, address, address, uint24, int24, int24, uint128, uint256, uint256, uint128, uint128);
}

/// @notice The signatures a user gives the Migrator, signed with the user's key on each token's own EIP-712 domain
/// as read from the chain: shared by the unit tests and the invariant handlers.
library Signatures {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant NFT_PERMIT_TYPEHASH =
        keccak256("Permit(address spender,uint256 tokenId,uint256 nonce,uint256 deadline)");

    /// @notice An EIP-2612 permit by `ownerKey` for `spender`, given the token's domain and the owner's nonce.
    function permit(
        uint256 ownerKey,
        bytes32 domainSeparator,
        uint256 nonce,
        address spender,
        uint256 value,
        uint256 deadline
    ) internal pure returns (IMigrator.PermitSignature memory signature) {
        (signature.value, signature.deadline) = (value, deadline);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, VM.addr(ownerKey), spender, value, nonce, deadline));
        (signature.v, signature.r, signature.s) = VM.sign(ownerKey, _digest(domainSeparator, structHash));
    }

    /// @notice An ERC-721 permit of `tokenId` for `spender` on the Uniswap V3 position manager `npm`, signed by
    /// `ownerKey` with the position's current nonce.
    function nftPermit(uint256 ownerKey, address npm, address spender, uint256 tokenId, uint256 deadline)
        internal
        view
        returns (IMigrator.PermitSignature memory signature)
    {
        INpmPermit positions = INpmPermit(npm);
        (uint96 nonce,,,,,,,,,,,) = positions.positions(tokenId);
        signature.deadline = deadline;
        bytes32 structHash = keccak256(abi.encode(NFT_PERMIT_TYPEHASH, spender, tokenId, nonce, deadline));
        (signature.v, signature.r, signature.s) = VM.sign(ownerKey, _digest(positions.DOMAIN_SEPARATOR(), structHash));
    }

    /// @notice An EIP-2612 permit on a Uniswap V2 pair (its LP token).
    function pairPermit(uint256 ownerKey, address pair, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (IMigrator.PermitSignature memory)
    {
        IUniswapV2Pair lp = IUniswapV2Pair(pair);
        return permit(ownerKey, lp.DOMAIN_SEPARATOR(), lp.nonces(VM.addr(ownerKey)), spender, value, deadline);
    }

    /// @notice An EIP-2612 permit on an Aave V2 aToken (which keeps its nonces in `_nonces`).
    function aTokenPermit(uint256 ownerKey, address aToken, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (IMigrator.PermitSignature memory)
    {
        IAaveV2AToken token = IAaveV2AToken(aToken);
        return permit(ownerKey, token.DOMAIN_SEPARATOR(), token._nonces(VM.addr(ownerKey)), spender, value, deadline);
    }

    /// @notice A `delegationWithSig` on an Aave V3 debt token: `delegatorKey` delegates `value` of credit to
    /// `delegatee`.
    function creditDelegation(
        uint256 delegatorKey,
        address debtToken,
        address delegatee,
        uint256 value,
        uint256 deadline
    ) internal view returns (IMigrator.PermitSignature memory signature) {
        IAaveV3CreditDelegationToken token = IAaveV3CreditDelegationToken(debtToken);
        (signature.value, signature.deadline) = (value, deadline);
        bytes32 structHash = keccak256(
            abi.encode(
                token.DELEGATION_WITH_SIG_TYPEHASH(), delegatee, value, token.nonces(VM.addr(delegatorKey)), deadline
            )
        );
        (signature.v, signature.r, signature.s) = VM.sign(delegatorKey, _digest(token.DOMAIN_SEPARATOR(), structHash));
    }

    function _digest(bytes32 domainSeparator, bytes32 structHash) private pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator, structHash));
    }
}
