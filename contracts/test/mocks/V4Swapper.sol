// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {IUnlockCallback} from "@uniswap/v4-core/src/interfaces/callback/IUnlockCallback.sol";
import {TickMath} from "@uniswap/v4-core/src/libraries/TickMath.sol";
import {BalanceDelta} from "@uniswap/v4-core/src/types/BalanceDelta.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {SwapParams} from "@uniswap/v4-core/src/types/PoolOperation.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice An attacker's V4 swap: sells `amountIn` of an ERC20 currency into a pool, paying from its own balance.
contract V4Swapper is IUnlockCallback {
    IPoolManager internal immutable POOL_MANAGER;

    constructor(IPoolManager poolManager) {
        POOL_MANAGER = poolManager;
    }

    function swap(PoolKey memory key, bool zeroForOne, uint256 amountIn) external {
        POOL_MANAGER.unlock(abi.encode(key, zeroForOne, amountIn));
    }

    /// @dev Takes native ETH out of a native pool.
    receive() external payable {}

    function unlockCallback(bytes calldata data) external returns (bytes memory) {
        require(msg.sender == address(POOL_MANAGER), "only the PoolManager");
        (PoolKey memory key, bool zeroForOne, uint256 amountIn) = abi.decode(data, (PoolKey, bool, uint256));
        BalanceDelta delta = POOL_MANAGER.swap(
            key,
            SwapParams({
                zeroForOne: zeroForOne,
                amountSpecified: -int256(amountIn),
                sqrtPriceLimitX96: zeroForOne ? TickMath.MIN_SQRT_PRICE + 1 : TickMath.MAX_SQRT_PRICE - 1
            }),
            ""
        );
        (Currency input, Currency output) = zeroForOne ? (key.currency0, key.currency1) : (key.currency1, key.currency0);
        (int128 paid, int128 received) =
            zeroForOne ? (delta.amount0(), delta.amount1()) : (delta.amount1(), delta.amount0());
        POOL_MANAGER.sync(input);
        IERC20(Currency.unwrap(input)).transfer(address(POOL_MANAGER), uint256(uint128(-paid)));
        POOL_MANAGER.settle();
        POOL_MANAGER.take(output, address(this), uint256(uint128(received)));
        return "";
    }
}
