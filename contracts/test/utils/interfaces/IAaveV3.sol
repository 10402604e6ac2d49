// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAaveDebtToken} from "../../../src/interfaces/external/IAaveTokens.sol";
import {IAaveV3Pool as IFerryAaveV3Pool} from "../../../src/interfaces/external/IAaveV3Pool.sol";

/// @notice Ferry's Pool subset plus what the tests use to open, shape and unwind positions.
interface IAaveV3Pool is IFerryAaveV3Pool {
    function withdraw(address asset, uint256 amount, address to) external returns (uint256);
    function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)
        external;
    function repay(address asset, uint256 amount, uint256 interestRateMode, address onBehalfOf)
        external
        returns (uint256);
    function setUserEMode(uint8 categoryId) external;
    function setUserUseReserveAsCollateral(address asset, bool useAsCollateral) external;
}

/// @notice The data provider both Aave versions ship; V3 adds caps, debt ceilings and e-mode.
interface IAaveProtocolDataProvider {
    function getUserReserveData(address asset, address user)
        external
        view
        returns (
            uint256 currentATokenBalance,
            uint256 currentStableDebt,
            uint256 currentVariableDebt,
            uint256 principalStableDebt,
            uint256 scaledVariableDebt,
            uint256 stableBorrowRate,
            uint256 liquidityRate,
            uint40 stableRateLastUpdated,
            bool usageAsCollateralEnabled
        );
    function getReserveConfigurationData(address asset)
        external
        view
        returns (
            uint256 decimals,
            uint256 ltv,
            uint256 liquidationThreshold,
            uint256 liquidationBonus,
            uint256 reserveFactor,
            bool usageAsCollateralEnabled,
            bool borrowingEnabled,
            bool stableBorrowRateEnabled,
            bool isActive,
            bool isFrozen
        );
    function getReserveCaps(address asset) external view returns (uint256 borrowCap, uint256 supplyCap);
    function getDebtCeiling(address asset) external view returns (uint256);
    function getReserveEModeCategory(address asset) external view returns (uint256);
}

interface IAaveV3CreditDelegationToken is IAaveDebtToken {
    function DELEGATION_WITH_SIG_TYPEHASH() external view returns (bytes32);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
    function nonces(address owner) external view returns (uint256);
}

interface IAaveOracle {
    function getAssetPrice(address asset) external view returns (uint256);
}
