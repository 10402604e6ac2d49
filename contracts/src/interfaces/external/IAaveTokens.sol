// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice An Aave aToken: an ERC20 with an EIP-2612 permit and a scaled supply.
interface IAaveAToken {
    function balanceOf(address account) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function scaledTotalSupply() external view returns (uint256);
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external;
}

/// @notice An Aave debt token: its balance is a user's debt; V3's accepts credit delegation by signature.
interface IAaveDebtToken {
    function balanceOf(address account) external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function borrowAllowance(address fromUser, address toUser) external view returns (uint256);
    function delegationWithSig(
        address delegator,
        address delegatee,
        uint256 value,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external;
}
