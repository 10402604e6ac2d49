// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAaveAToken} from "../../../src/interfaces/external/IAaveTokens.sol";
import {IAaveV2LendingPool as IFerryAaveV2LendingPool} from "../../../src/interfaces/external/IAaveV2LendingPool.sol";

/// @notice Ferry's LendingPool subset plus what the tests use to open positions.
interface IAaveV2LendingPool is IFerryAaveV2LendingPool {
    function deposit(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external;
    function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)
        external;
}

/// @notice V2 aTokens expose their EIP-2612 nonces as `_nonces`.
interface IAaveV2AToken is IAaveAToken {
    function _nonces(address owner) external view returns (uint256);
    function DOMAIN_SEPARATOR() external view returns (bytes32);
}
