// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {ModifyLiquidityParams} from "@uniswap/v4-core/src/types/PoolOperation.sol";

/// @notice A V4 hook with only the before-add-liquidity permission, which it uses to re-enter the Migrator with the
/// batch it was given. Deploy it at an address whose low 14 bits are `Hooks.BEFORE_ADD_LIQUIDITY_FLAG`.
contract ReenteringHook {
    IMigrator internal immutable MIGRATOR;

    constructor(IMigrator migrator) {
        MIGRATOR = migrator;
    }

    function beforeAddLiquidity(address, PoolKey calldata, ModifyLiquidityParams calldata, bytes calldata)
        external
        returns (bytes4)
    {
        MIGRATOR.migrate(new IMigrator.Position[](1), block.timestamp, false);
        return IHooks.beforeAddLiquidity.selector;
    }
}

/// @notice A V4 hook with only the before-add-liquidity permission, which refuses every deposit.
contract RevertingHook {
    error DepositRefused();

    function beforeAddLiquidity(address, PoolKey calldata, ModifyLiquidityParams calldata, bytes calldata)
        external
        pure
        returns (bytes4)
    {
        revert DepositRefused();
    }
}
