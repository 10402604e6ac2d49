// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {INonfungiblePositionManager} from "../interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV3Pool} from "../interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../interfaces/routes/IUniswapV2ToV3Route.sol";
import {ERC20} from "solmate/tokens/ERC20.sol";
import {SafeTransferLib} from "solmate/utils/SafeTransferLib.sol";

/// @title UniswapV3Deposit
/// @notice What depositing into Uniswap V3 needs: the pool address, its price, initialisation at a given price,
/// the caller's price bound and the position manager's approvals.
library UniswapV3Deposit {
    using SafeTransferLib for ERC20;

    /// @notice The pool's CREATE2 address, as `UniswapV3Factory.createPool` deploys it (`PoolAddress.computeAddress`).
    function poolFor(address factory, bytes32 initCodeHash, address token0, address token1, uint24 fee)
        internal
        pure
        returns (address)
    {
        bytes32 salt = keccak256(abi.encode(token0, token1, fee));
        return address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", factory, salt, initCodeHash)))));
    }

    /// @notice The pool's current price, or 0 if the pool does not exist or is not initialised.
    function sqrtPriceX96Of(address pool) internal view returns (uint160 sqrtPriceX96) {
        if (pool.code.length == 0) return 0;
        (sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
    }

    /// @notice Creates and initialises the pool at `initialSqrtPriceX96`, then returns its price as read back.
    /// @dev Reading the price back (instead of trusting `initialSqrtPriceX96`) keeps the bound check honest.
    function initialize(
        INonfungiblePositionManager positionManager,
        address pool,
        address token0,
        address token1,
        uint24 fee,
        uint160 initialSqrtPriceX96
    ) internal returns (uint160) {
        positionManager.createAndInitializePoolIfNecessary(token0, token1, fee, initialSqrtPriceX96);
        return sqrtPriceX96Of(pool);
    }

    /// @notice Requires the pool price, read after any initialisation, to lie within the user's bounds.
    /// @dev This is what makes a pool created or initialised first by an attacker at a bad price revert the
    /// migration instead of taking the user's tokens at that price.
    function requirePriceWithin(address pool, uint160 sqrtPriceX96, uint160 sqrtPriceX96Min, uint160 sqrtPriceX96Max)
        internal
        pure
    {
        if (sqrtPriceX96 < sqrtPriceX96Min || sqrtPriceX96 > sqrtPriceX96Max) {
            revert IUniswapV2ToV3Route.PoolPriceOutOfBounds(pool, sqrtPriceX96, sqrtPriceX96Min, sqrtPriceX96Max);
        }
    }

    /// @notice Lets the position manager pull `token` from the Migrator, with a standing maximum approval.
    /// @dev The position manager pulls only from the payer of a mint the Migrator itself calls, and the Migrator
    /// holds nothing between calls, so the standing approval exposes nothing and saves two approvals per mint.
    function approveOnce(address token, address positionManager, uint256 amount) internal {
        if (ERC20(token).allowance(address(this), positionManager) < amount) {
            ERC20(token).safeApprove(positionManager, type(uint256).max);
        }
    }
}
