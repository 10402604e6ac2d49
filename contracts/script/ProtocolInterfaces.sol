// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The protocol getters the deployment checks its configuration against; the Migrator itself calls none.

/// @notice Uniswap V3 periphery's `PeripheryImmutableState`: what a NonfungiblePositionManager was built for.
interface IPeripheryImmutableState {
    function factory() external view returns (address);
    function WETH9() external view returns (address);
}

/// @notice The market an Aave V2 LendingPool belongs to.
interface IAaveV2PoolMarket {
    function getAddressesProvider() external view returns (address);
}

/// @notice The market an Aave V3 Pool belongs to.
interface IAaveV3PoolMarket {
    function ADDRESSES_PROVIDER() external view returns (address);
}

/// @notice Uniswap V4 periphery's `ImmutableState`: the PoolManager a PositionManager was built for.
interface IV4ImmutableState {
    function poolManager() external view returns (address);
}
