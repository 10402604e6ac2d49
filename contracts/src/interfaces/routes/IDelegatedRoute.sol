// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IDelegatedRoute
/// @notice A route whose logic lives in its own contract, which the Migrator runs by `delegatecall`: with the
/// Migrator's `msg.sender`, lock and address, so it emits the Migrator's events and holds nothing of its own. It keeps
/// the Migrator under the 24,576-byte limit.
interface IDelegatedRoute {
    /// @notice Thrown when the route contract is called directly instead of through the Migrator's `migrate`.
    error DelegateCallOnly();

    /// @notice Thrown when a position's `params` are not as long as the encoding of the route's parameters struct.
    /// @param length The length of the given `params`.
    /// @param expected The length of the encoded struct.
    error InvalidParamsLength(uint256 length, uint256 expected);

    /// @notice Migrates one position of the route; only by `delegatecall` from the Migrator's `migrate`.
    /// @dev Payable because a `delegatecall` carries the `migrate` call's `msg.value`, on every leg of the batch: the
    /// route must never read it (two legs would spend it twice); the Migrator refunds the ETH left at the end.
    /// @param params The route's parameters struct, abi-encoded (`IMigrator.Position.params`).
    /// @param unwrapWeth Whether WETH refunds are unwrapped and sent as ETH.
    function migrate(bytes calldata params, bool unwrapWeth) external payable;
}
