// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {FullMath} from "@uniswap/v4-core/src/libraries/FullMath.sol";
import {FixedPointMathLib} from "solmate/utils/FixedPointMathLib.sol";

/// @title SqrtPriceMath
/// @notice Converts a constant-product pool's reserves into a Uniswap V3 `sqrtPriceX96`.
library SqrtPriceMath {
    /// @notice `sqrt(reserve1 / reserve0) * 2^96`, rounded down.
    /// @dev Below a price of 2^64 the ratio is taken in Q192 (exact up to the final square root); above it, in
    /// Q128 and shifted by 32 bits, which keeps more than 96 significant bits of the result.
    function fromReserves(uint256 reserve0, uint256 reserve1) internal pure returns (uint160) {
        if (reserve1 < reserve0 << 64) {
            return uint160(FixedPointMathLib.sqrt(FullMath.mulDiv(reserve1, 1 << 192, reserve0)));
        }
        return uint160(FixedPointMathLib.sqrt(FullMath.mulDiv(reserve1, 1 << 128, reserve0)) << 32);
    }
}
