// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The subset of WETH9 that Ferry uses.
interface IWETH9 {
    function withdraw(uint256 amount) external;
}
