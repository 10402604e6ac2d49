// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice An ERC20 with an EIP-2612 permit (Uniswap V2 LP tokens, Aave aTokens).
interface IERC20Permit {
    function allowance(address owner, address spender) external view returns (uint256);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}
