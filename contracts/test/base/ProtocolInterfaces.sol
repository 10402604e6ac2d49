// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice Protocol functions the tests call that neither Ferry's nor the world's interfaces declare.

interface IUniswapV2FactoryCreate {
    function createPair(address tokenA, address tokenB) external returns (address pair);
}

interface IUniswapV2PairMint {
    function mint(address to) external returns (uint256 liquidity);
}

interface IUniswapV3FactoryCreate {
    function createPool(address tokenA, address tokenB, uint24 fee) external returns (address pool);
}

interface IPeripheryPaymentsSweep {
    function sweepToken(address token, uint256 amountMinimum, address recipient) external payable;
}

interface IERC721Safe {
    function safeTransferFrom(address from, address to, uint256 tokenId) external;
}

interface IV3MigratorMulticall {
    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results);
    function selfPermit(address token, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external payable;
}

interface IAaveV3CreditDelegation {
    function approveDelegation(address delegatee, uint256 amount) external;
}

interface IAaveV3PoolConfigurator {
    function setReserveBorrowing(address asset, bool enabled) external;
    function setReserveStableRateBorrowing(address asset, bool enabled) external;
    function setReserveFreeze(address asset, bool freeze) external;
    function setReserveActive(address asset, bool active) external;
}
