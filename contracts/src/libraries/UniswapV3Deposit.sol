// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IUniswapV3Factory} from "../interfaces/external/IUniswapV3Factory.sol";
import {IUniswapV3Pool} from "../interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../interfaces/routes/IUniswapV2ToV3Route.sol";
import {ERC20Reads} from "./ERC20Reads.sol";
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
    /// @dev Reads the first word of `slot0()` alone. A call to an address without code succeeds and returns nothing:
    /// price 0, which spares an `EXTCODESIZE`. `pool` comes from `poolFor`, so only the factory's pool code can answer.
    function sqrtPriceX96Of(address pool) internal view returns (uint160 sqrtPriceX96) {
        assembly ("memory-safe") {
            mstore(0x00, 0x3850c7bd) // slot0()
            if iszero(staticcall(gas(), pool, 0x1c, 0x04, 0x00, 0x20)) {
                let free := mload(0x40)
                returndatacopy(free, 0x00, returndatasize())
                revert(free, returndatasize())
            }
            // Zero when nothing came back (no pool yet); the mask keeps the type's width.
            sqrtPriceX96 := mul(
                and(mload(0x00), 0xffffffffffffffffffffffffffffffffffffffff),
                gt(returndatasize(), 0x1f)
            )
        }
    }

    /// @notice Creates `pool` (`poolFor(factory, …)`) if it has no code and initialises it at `sqrtPriceX96`; the
    /// caller read it uninitialised.
    /// @dev What the position manager's `createAndInitializePoolIfNecessary` does, without its hop and its `getPool`
    /// call. Nothing but Uniswap's factory and pool runs between that read and this call, so the pool starts at exactly
    /// `sqrtPriceX96` and the caller bounds that price without reading it back.
    function initialize(address factory, address pool, address token0, address token1, uint24 fee, uint160 sqrtPriceX96)
        internal
    {
        if (pool.code.length == 0) IUniswapV3Factory(factory).createPool(token0, token1, fee);
        IUniswapV3Pool(pool).initialize(sqrtPriceX96);
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
        if (ERC20Reads.allowance(token, address(this), positionManager) < amount) {
            ERC20(token).safeApprove(positionManager, type(uint256).max);
        }
    }
}
