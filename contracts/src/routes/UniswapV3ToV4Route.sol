// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {INonfungiblePositionManager} from "../interfaces/external/INonfungiblePositionManager.sol";
import {IDelegatedRoute} from "../interfaces/routes/IDelegatedRoute.sol";
import {IUniswapV3ToV4Route} from "../interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../interfaces/routes/IUniswapV4DepositRoute.sol";
import {PullAuthorization} from "../libraries/PullAuthorization.sol";
import {UniswapV3Deposit} from "../libraries/UniswapV3Deposit.sol";
import {UniswapV4Deposit} from "../libraries/UniswapV4Deposit.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";

/// @title UniswapV3ToV4Route
/// @notice Route `UniswapV3ToV4`: the caller's V3 position, in part or whole, with its fees → a new V4 position minted
/// to the caller, or more liquidity in a V4 position the caller owns. Run by the Migrator through `delegatecall`.
/// @dev The V3 position manager collects straight to the V4 PositionManager, which settles the pool from that balance
/// and sweeps the rest to the caller: the tokens move twice, as in Uniswap's own UniversalRouter migration.
contract UniswapV3ToV4Route is IUniswapV3ToV4Route {
    using PoolIdLibrary for PoolKey;

    uint16 private constant MAX_BPS = 10_000;

    /// @inheritdoc IUniswapV3ToV4Route
    address public immutable V3_POSITION_MANAGER;
    /// @inheritdoc IUniswapV3ToV4Route
    address public immutable V3_FACTORY;
    /// @inheritdoc IUniswapV3ToV4Route
    bytes32 public immutable V3_POOL_INIT_CODE_HASH;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable WETH;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable V4_POOL_MANAGER;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable V4_POSITION_MANAGER;

    address private immutable SELF;

    /// @dev The length of an encoded `UniswapV3ToV4Params`: 22 words.
    uint256 private constant PARAMS_SIZE = 22 * 32;

    constructor(UniswapV3ToV4Config memory config) {
        WETH = config.weth;
        V3_POSITION_MANAGER = config.v3PositionManager;
        V3_FACTORY = config.v3Factory;
        V3_POOL_INIT_CODE_HASH = config.v3PoolInitCodeHash;
        V4_POOL_MANAGER = config.v4PoolManager;
        V4_POSITION_MANAGER = config.v4PositionManager;
        SELF = address(this);
    }

    /// @inheritdoc IDelegatedRoute
    function migrate(bytes calldata encodedParams, bool unwrapWeth) external payable {
        // Called directly, the route would run outside the Migrator's lock and pause.
        if (address(this) == SELF) revert DelegateCallOnly();
        UniswapV3ToV4Params calldata params = _params(encodedParams);
        PoolKey memory key = params.destination.poolKey;
        UniswapV4Deposit.requireAcceptedHooks(address(key.hooks));
        if (params.percentageBps == 0 || params.percentageBps > MAX_BPS) {
            revert InvalidPercentage(params.percentageBps);
        }
        INonfungiblePositionManager source = INonfungiblePositionManager(V3_POSITION_MANAGER);
        PullAuthorization.permitErc721(source, msg.sender, params.tokenId, params.permit);

        (address token0, address token1, uint24 fee, uint128 liquidity) = _position(params.tokenId);
        (bool flipped, bool native) = UniswapV4Deposit.matchCurrencies(WETH, token0, token1, key);
        PoolId poolId = key.toId();
        _initializeIfMissing(key, poolId, token0, token1, fee, flipped);

        IMigrator.LiquidityMigration memory migration;
        migration.sourceId = params.tokenId;
        migration.sourceAmount =
            params.percentageBps == MAX_BPS ? liquidity : uint256(liquidity) * params.percentageBps / MAX_BPS;
        (uint256 offer0, uint256 offer1) = _withdraw(params, migration, flipped);
        (migration.token0, migration.token1) = (Currency.unwrap(key.currency0), Currency.unwrap(key.currency1));

        address refundWethAsEth = unwrapWeth && !native ? _wethCurrency(migration) : address(0);
        UniswapV4Deposit.deposit(
            params.destination,
            key,
            poolId,
            UniswapV4Deposit.Deposit({
                poolManager: IPoolManager(V4_POOL_MANAGER),
                positionManager: V4_POSITION_MANAGER,
                amount0: offer0,
                amount1: offer1,
                unwrapWeth: native,
                refundWethAsEth: refundWethAsEth
            }),
            migration
        );
        migration.amount0Refunded = migration.amount0Withdrawn - migration.amount0Deposited;
        migration.amount1Refunded = migration.amount1Withdrawn - migration.amount1Deposited;
        migration.refundedAsEth = native || refundWethAsEth != address(0);
        UniswapV4Deposit.emitMigrated(IMigrator.Route.UniswapV3ToV4, V3_POSITION_MANAGER, migration);
    }

    /// @dev `encodedParams` read in place as the struct it encodes: a static struct's ABI encoding is its words in
    /// order, and reading a member checks its value as `abi.decode` would.
    function _params(bytes calldata encodedParams) private pure returns (UniswapV3ToV4Params calldata params) {
        if (encodedParams.length != PARAMS_SIZE) revert InvalidParamsLength(encodedParams.length, PARAMS_SIZE);
        assembly ("memory-safe") {
            params := encodedParams.offset
        }
    }

    /// @dev Initialises a missing V4 pool at the V3 pool's price, before any funds move.
    function _initializeIfMissing(
        PoolKey memory key,
        PoolId poolId,
        address token0,
        address token1,
        uint24 fee,
        bool flipped
    ) private {
        IPoolManager poolManager = IPoolManager(V4_POOL_MANAGER);
        if (UniswapV4Deposit.sqrtPriceX96Of(poolManager, poolId) != 0) return;
        address v3Pool = UniswapV3Deposit.poolFor(V3_FACTORY, V3_POOL_INIT_CODE_HASH, token0, token1, fee);
        UniswapV4Deposit.initialize(poolManager, key, UniswapV3Deposit.sqrtPriceX96Of(v3Pool), flipped);
    }

    /// @dev Decreases the V3 position by `migration.sourceAmount`, collects everything it owes (principal and all its
    /// fees) to the V4 PositionManager, and burns it when emptied. Fills the withdrawn amounts in the V4 pool's order.
    /// @return offer0 What the deposit may take of the pool's currency0: the principal, plus the fees if asked.
    /// @return offer1 Likewise for currency1.
    function _withdraw(UniswapV3ToV4Params calldata params, IMigrator.LiquidityMigration memory migration, bool flipped)
        private
        returns (uint256 offer0, uint256 offer1)
    {
        if (migration.sourceAmount == 0) revert IMigrator.NothingToMigrate(V3_POSITION_MANAGER);
        (uint256 principal0, uint256 principal1, uint256 collected0, uint256 collected1) =
            _decreaseAndCollect(params.tokenId, migration.sourceAmount, params.percentageBps == MAX_BPS);
        if (principal0 < params.amount0MinWithdrawn || principal1 < params.amount1MinWithdrawn) {
            revert WithdrawalSlippage(principal0, principal1, params.amount0MinWithdrawn, params.amount1MinWithdrawn);
        }
        if (params.depositFees) (principal0, principal1) = (collected0, collected1);
        if (flipped) {
            (migration.amount0Withdrawn, migration.amount1Withdrawn) = (collected1, collected0);
            return (principal1, principal0);
        }
        (migration.amount0Withdrawn, migration.amount1Withdrawn) = (collected0, collected1);
        return (principal0, principal1);
    }

    /// @dev `decreaseLiquidity(tokenId, liquidity, 0, 0, block.timestamp)`, `collect(tokenId, V4 PositionManager, max,
    /// max)` and, when `burn`, `burn(tokenId)` on the V3 position manager, written in one buffer without the ABI round
    /// trips (nor the code-size check: a call expecting return data fails on an account without code).
    function _decreaseAndCollect(uint256 tokenId, uint256 liquidity, bool burn)
        private
        returns (uint256 principal0, uint256 principal1, uint256 collected0, uint256 collected1)
    {
        address positionManager = V3_POSITION_MANAGER;
        address recipient = V4_POSITION_MANAGER;
        assembly ("memory-safe") {
            function bubbleRevert(at) {
                returndatacopy(at, 0, returndatasize())
                revert(at, returndatasize())
            }

            let data := mload(0x40)
            // decreaseLiquidity((uint256 tokenId, uint128 liquidity, uint256 amount0Min, uint256 amount1Min,
            // uint256 deadline))
            mstore(data, 0x0c49ccbe)
            mstore(add(data, 0x20), tokenId)
            mstore(add(data, 0x40), liquidity)
            mstore(add(data, 0x60), 0)
            mstore(add(data, 0x80), 0)
            mstore(add(data, 0xa0), timestamp())
            if iszero(
                and(gt(returndatasize(), 0x3f), call(gas(), positionManager, 0, add(data, 0x1c), 0xa4, 0, 0x40))
            ) {
                bubbleRevert(data)
            }
            principal0 := mload(0)
            principal1 := mload(0x20)
            // collect((uint256 tokenId, address recipient, uint128 amount0Max, uint128 amount1Max))
            mstore(data, 0xfc6f7865)
            mstore(add(data, 0x40), recipient)
            mstore(add(data, 0x60), 0xffffffffffffffffffffffffffffffff)
            mstore(add(data, 0x80), 0xffffffffffffffffffffffffffffffff)
            if iszero(
                and(gt(returndatasize(), 0x3f), call(gas(), positionManager, 0, add(data, 0x1c), 0x84, 0, 0x40))
            ) {
                bubbleRevert(data)
            }
            collected0 := mload(0)
            collected1 := mload(0x20)
            if burn {
                mstore(data, 0x42966c68) // burn(uint256 tokenId)
                if iszero(call(gas(), positionManager, 0, add(data, 0x1c), 0x24, 0, 0)) {
                    bubbleRevert(data)
                }
            }
        }
    }

    /// @dev The V3 position's tokens, fee tier and liquidity, read from `positions(tokenId)`'s 12 words without
    /// decoding the 8 unused ones.
    function _position(uint256 tokenId)
        private
        view
        returns (address token0, address token1, uint24 fee, uint128 liquidity)
    {
        address positionManager = V3_POSITION_MANAGER;
        bytes4 selector = INonfungiblePositionManager.positions.selector;
        assembly ("memory-safe") {
            let data := mload(0x40)
            mstore(data, selector)
            mstore(add(data, 4), tokenId)
            if iszero(and(gt(returndatasize(), 0x17f), staticcall(gas(), positionManager, data, 0x24, data, 0x180))) {
                returndatacopy(data, 0, returndatasize())
                revert(data, returndatasize())
            }
            token0 := and(mload(add(data, 0x40)), 0xffffffffffffffffffffffffffffffffffffffff)
            token1 := and(mload(add(data, 0x60)), 0xffffffffffffffffffffffffffffffffffffffff)
            fee := and(mload(add(data, 0x80)), 0xffffff)
            liquidity := and(mload(add(data, 0xe0)), 0xffffffffffffffffffffffffffffffff)
        }
    }

    /// @dev WETH when it is one of the pool's currencies, zero otherwise.
    function _wethCurrency(IMigrator.LiquidityMigration memory migration) private view returns (address) {
        return migration.token0 == WETH || migration.token1 == WETH ? WETH : address(0);
    }
}
