// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The Aave V2 LendingPool functions Ferry calls.
interface IAaveV2LendingPool {
    /// @dev `DataTypes.ReserveData` of Aave V2; the tokens of a listed reserve are non-zero.
    struct ReserveData {
        uint256 configuration;
        uint128 liquidityIndex;
        uint128 variableBorrowIndex;
        uint128 currentLiquidityRate;
        uint128 currentVariableBorrowRate;
        uint128 currentStableBorrowRate;
        uint40 lastUpdateTimestamp;
        address aTokenAddress;
        address stableDebtTokenAddress;
        address variableDebtTokenAddress;
        address interestRateStrategyAddress;
        uint8 id;
    }

    function getReserveData(address asset) external view returns (ReserveData memory);
    function withdraw(address asset, uint256 amount, address to) external returns (uint256);
    function repay(address asset, uint256 amount, uint256 rateMode, address onBehalfOf) external returns (uint256);
    /// @dev Returns `DataTypes.UserConfigurationMap`, a struct of one uint256, laid out as in Aave V3: per reserve id i,
    /// bit 2i = borrowing and bit 2i+1 = using as collateral.
    function getUserConfiguration(address user) external view returns (uint256);
    function getUserAccountData(address user)
        external
        view
        returns (
            uint256 totalCollateralETH,
            uint256 totalDebtETH,
            uint256 availableBorrowsETH,
            uint256 currentLiquidationThreshold,
            uint256 ltv,
            uint256 healthFactor
        );
}
