// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The subset of the Uniswap V3 factory that Ferry uses.
interface IUniswapV3Factory {
    function createPool(address tokenA, address tokenB, uint24 fee) external returns (address pool);
}
