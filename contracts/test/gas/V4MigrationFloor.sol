// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {INonfungiblePositionManager as INpm} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IV4PoolManager, IV4PositionManager, PoolKey} from "../utils/interfaces/IUniswapV4.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice The protocol work of a migration into Uniswap V4 and nothing else: the V3 (or V2) tokens go straight to
/// the V4 PositionManager, which mints and settles from its own balance (`payerIsUser = false`) and sweeps the rest
/// back. No checks, bounds, lock or event — unsafe, for the gas table only: it is the floor any migrator into V4 pays,
/// so Ferry's and UniversalRouter's overheads are what they cost above it.
/// @dev `unlockData` is PositionManager's `modifyLiquidities` payload (mint, settle, sweep), built by the caller as
/// UniversalRouter's is; `initialization` is empty or `abi.encode(PoolKey, uint160 sqrtPriceX96)`.
contract V4MigrationFloor {
    struct Permit {
        uint256 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    INpm private immutable V3_POSITION_MANAGER;
    IV4PoolManager private immutable POOL_MANAGER;
    IV4PositionManager private immutable V4_POSITION_MANAGER;

    constructor(INpm v3PositionManager, IV4PoolManager poolManager, IV4PositionManager v4PositionManager) {
        (V3_POSITION_MANAGER, POOL_MANAGER, V4_POSITION_MANAGER) = (v3PositionManager, poolManager, v4PositionManager);
    }

    /// @notice Permit, decrease `liquidity`, collect everything owed to the V4 PositionManager, burn when `burn`, mint.
    function fromV3(
        uint256 tokenId,
        uint128 liquidity,
        bool burn,
        Permit calldata permit,
        bytes calldata initialization,
        bytes calldata unlockData
    ) external {
        _initialize(initialization);
        V3_POSITION_MANAGER.permit(address(this), tokenId, permit.deadline, permit.v, permit.r, permit.s);
        V3_POSITION_MANAGER.decreaseLiquidity(INpm.DecreaseLiquidityParams(tokenId, liquidity, 0, 0, permit.deadline));
        V3_POSITION_MANAGER.collect(
            INpm.CollectParams(tokenId, address(V4_POSITION_MANAGER), type(uint128).max, type(uint128).max)
        );
        if (burn) V3_POSITION_MANAGER.burn(tokenId);
        V4_POSITION_MANAGER.modifyLiquidities(unlockData, permit.deadline);
    }

    /// @notice Permit, move the LP to the pair, burn it to the V4 PositionManager, mint.
    function fromV2(IUniswapV2Pair pair, uint256 lpAmount, Permit calldata permit, bytes calldata unlockData) external {
        pair.permit(msg.sender, address(this), lpAmount, permit.deadline, permit.v, permit.r, permit.s);
        IERC20(address(pair)).transferFrom(msg.sender, address(pair), lpAmount);
        pair.burn(address(V4_POSITION_MANAGER));
        V4_POSITION_MANAGER.modifyLiquidities(unlockData, permit.deadline);
    }

    function _initialize(bytes calldata initialization) private {
        if (initialization.length == 0) return;
        (PoolKey memory key, uint160 sqrtPriceX96) = abi.decode(initialization, (PoolKey, uint160));
        POOL_MANAGER.initialize(key, sqrtPriceX96);
    }
}
