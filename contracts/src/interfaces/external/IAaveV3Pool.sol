// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The Aave V3 Pool functions Ferry calls, on V3.0 to V3.x.
interface IAaveV3Pool {
    /// @dev `DataTypes.ReserveData` of Aave V3.0, which V3.2+ still return as `ReserveDataLegacy`; an active reserve
    /// has a non-zero aToken. From V3.2 on `stableDebtTokenAddress` may be zero (stable debt is gone).
    struct ReserveData {
        uint256 configuration;
        uint128 liquidityIndex;
        uint128 currentLiquidityRate;
        uint128 variableBorrowIndex;
        uint128 currentVariableBorrowRate;
        uint128 currentStableBorrowRate;
        uint40 lastUpdateTimestamp;
        uint16 id;
        address aTokenAddress;
        address stableDebtTokenAddress;
        address variableDebtTokenAddress;
        address interestRateStrategyAddress;
        uint128 accruedToTreasury;
        uint128 unbacked;
        uint128 isolationModeTotalDebt;
    }

    function getReserveData(address asset) external view returns (ReserveData memory);
    function getReserveNormalizedIncome(address asset) external view returns (uint256);
    function getUserEMode(address user) external view returns (uint256);
    /// @dev V3.2+ only: bit `reserve.id` is set when e-mode category `id` lets its users borrow that reserve.
    function getEModeCategoryBorrowableBitmap(uint8 id) external view returns (uint128);
    /// @dev Returns `DataTypes.UserConfigurationMap`, a struct of one uint256: per reserve id i, bit 2i = borrowing
    /// and bit 2i+1 = using as collateral.
    function getUserConfiguration(address user) external view returns (uint256);
    function getReserveAddressById(uint16 id) external view returns (address);
    function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external;
    function flashLoan(
        address receiverAddress,
        address[] calldata assets,
        uint256[] calldata amounts,
        uint256[] calldata interestRateModes,
        address onBehalfOf,
        bytes calldata params,
        uint16 referralCode
    ) external;
    function getUserAccountData(address user)
        external
        view
        returns (
            uint256 totalCollateralBase,
            uint256 totalDebtBase,
            uint256 availableBorrowsBase,
            uint256 currentLiquidationThreshold,
            uint256 ltv,
            uint256 healthFactor
        );
}
