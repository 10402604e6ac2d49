// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ERC20Reads
/// @notice An ERC-20's `balanceOf` and `allowance`, read with a bare static call.
/// @dev The Migrator reads balances and allowances around every withdrawal and deposit; Solidity's ABI round trip
/// (free memory, full return copy and decode) costs a few hundred gas more per read than these. Same outcome as the
/// high-level call: a reverting token bubbles its revert data up, and one without code (or returning fewer than 32
/// bytes) reverts with empty data.
library ERC20Reads {
    /// @notice `token.balanceOf(account)`.
    function balanceOf(address token, address account) internal view returns (uint256 amount) {
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231) // balanceOf(address)
            mstore(0x20, account)
            // Arguments run right to left: the call first, then the size of what it returned.
            if iszero(and(gt(returndatasize(), 0x1f), staticcall(gas(), token, 0x1c, 0x24, 0x00, 0x20))) {
                let free := mload(0x40)
                returndatacopy(free, 0x00, returndatasize())
                revert(free, returndatasize())
            }
            amount := mload(0x00)
        }
    }

    /// @notice `token.allowance(owner, spender)`.
    function allowance(address token, address owner, address spender) internal view returns (uint256 amount) {
        assembly ("memory-safe") {
            let free := mload(0x40)
            mstore(0x00, 0xdd62ed3e) // allowance(address,address)
            mstore(0x20, owner)
            mstore(0x40, spender)
            let ok := and(gt(returndatasize(), 0x1f), staticcall(gas(), token, 0x1c, 0x44, 0x00, 0x20))
            mstore(0x40, free) // the free memory pointer, borrowed for the second argument
            if iszero(ok) {
                returndatacopy(free, 0x00, returndatasize())
                revert(free, returndatasize())
            }
            amount := mload(0x00)
        }
    }
}
