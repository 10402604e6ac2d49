// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The subset of Uniswap V2's factory that Ferry uses.
interface IUniswapV2Factory {
    function getPair(address tokenA, address tokenB) external view returns (address pair);
}
