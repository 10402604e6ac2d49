// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../interfaces/external/IUniswapV2Pair.sol";
import {IDelegatedRoute} from "../interfaces/routes/IDelegatedRoute.sol";
import {IUniswapV2ToV4Route} from "../interfaces/routes/IUniswapV2ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../interfaces/routes/IUniswapV4DepositRoute.sol";
import {SqrtPriceMath} from "../libraries/SqrtPriceMath.sol";
import {UniswapV2Withdrawal} from "../libraries/UniswapV2Withdrawal.sol";
import {UniswapV4Deposit} from "../libraries/UniswapV4Deposit.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";

/// @title UniswapV2ToV4Route
/// @notice Route `UniswapV2ToV4`: the caller's V2 LP tokens → a new V4 position minted to the caller, or more liquidity
/// in a V4 position the caller owns. Run by the Migrator through `delegatecall`.
/// @dev The pair burns straight to the V4 PositionManager, whose balance deltas refuse fee-on-transfer and rebasing
/// tokens (`UniswapV2Withdrawal`); it settles the pool from that balance and sweeps all it holds to the caller, so
/// nothing withdrawn can stay behind. The tokens never pass through the Migrator, as in `UniswapV3ToV4Route`.
contract UniswapV2ToV4Route is IUniswapV2ToV4Route {
    using PoolIdLibrary for PoolKey;

    /// @inheritdoc IUniswapV2ToV4Route
    address public immutable V2_FACTORY;
    /// @inheritdoc IUniswapV2ToV4Route
    bytes32 public immutable V2_PAIR_INIT_CODE_HASH;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable WETH;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable V4_POOL_MANAGER;
    /// @inheritdoc IUniswapV4DepositRoute
    address public immutable V4_POSITION_MANAGER;

    address private immutable SELF;

    /// @dev The length of an encoded `UniswapV2ToV4Params`: 23 words.
    uint256 private constant PARAMS_SIZE = 23 * 32;

    constructor(UniswapV2ToV4Config memory config) {
        WETH = config.weth;
        V2_FACTORY = config.v2Factory;
        V2_PAIR_INIT_CODE_HASH = config.v2PairInitCodeHash;
        V4_POOL_MANAGER = config.v4PoolManager;
        V4_POSITION_MANAGER = config.v4PositionManager;
        SELF = address(this);
    }

    /// @inheritdoc IDelegatedRoute
    function migrate(bytes calldata encodedParams, bool unwrapWeth) external payable {
        // Called directly, the route would run outside the Migrator's lock and pause.
        if (address(this) == SELF) revert DelegateCallOnly();
        UniswapV2ToV4Params calldata params = _params(encodedParams);
        PoolKey memory key = params.destination.poolKey;
        UniswapV4Deposit.requireAcceptedHooks(address(key.hooks));
        address pair = UniswapV2Withdrawal.pairFor(V2_FACTORY, V2_PAIR_INIT_CODE_HASH, params.token0, params.token1);
        if (pair.code.length == 0) revert PairNotFound(params.token0, params.token1);
        (bool flipped, bool native) = UniswapV4Deposit.matchCurrencies(WETH, params.token0, params.token1, key);
        // Before the burn, which moves the pair's price, and before any funds move.
        PoolId poolId = key.toId();
        _initializeIfMissing(key, poolId, pair, flipped);

        IMigrator.LiquidityMigration memory migration;
        migration.sourceAmount = UniswapV2Withdrawal.lpAmountOf(pair, msg.sender, params.lpAmount, params.percentageBps);
        (migration.token0, migration.token1) = (Currency.unwrap(key.currency0), Currency.unwrap(key.currency1));
        _withdrawToPositionManager(pair, params, migration, flipped);

        address refundWethAsEth =
            unwrapWeth && !native && (migration.token0 == WETH || migration.token1 == WETH) ? WETH : address(0);
        UniswapV4Deposit.deposit(
            params.destination,
            key,
            poolId,
            UniswapV4Deposit.Deposit({
                poolManager: IPoolManager(V4_POOL_MANAGER),
                positionManager: V4_POSITION_MANAGER,
                amount0: migration.amount0Withdrawn,
                amount1: migration.amount1Withdrawn,
                unwrapWeth: native,
                refundWethAsEth: refundWethAsEth
            }),
            migration
        );
        migration.amount0Refunded = migration.amount0Withdrawn - migration.amount0Deposited;
        migration.amount1Refunded = migration.amount1Withdrawn - migration.amount1Deposited;
        migration.refundedAsEth = native || refundWethAsEth != address(0);
        UniswapV4Deposit.emitMigrated(IMigrator.Route.UniswapV2ToV4, pair, migration);
    }

    /// @dev `encodedParams` read in place as the struct it encodes: a static struct's ABI encoding is its words in
    /// order, and reading a member checks its value as `abi.decode` would.
    function _params(bytes calldata encodedParams) private pure returns (UniswapV2ToV4Params calldata params) {
        if (encodedParams.length != PARAMS_SIZE) revert InvalidParamsLength(encodedParams.length, PARAMS_SIZE);
        assembly ("memory-safe") {
            params := encodedParams.offset
        }
    }

    /// @dev Initialises a missing V4 pool at the V2 pair's price.
    function _initializeIfMissing(PoolKey memory key, PoolId poolId, address pair, bool flipped) private {
        IPoolManager poolManager = IPoolManager(V4_POOL_MANAGER);
        if (UniswapV4Deposit.sqrtPriceX96Of(poolManager, poolId) != 0) return;
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(pair).getReserves();
        UniswapV4Deposit.initialize(poolManager, key, SqrtPriceMath.fromReserves(reserve0, reserve1), flipped);
    }

    /// @dev Burns `migration.sourceAmount` LP to the V4 PositionManager. Fills the withdrawn amounts in the V4 pool's
    /// order.
    function _withdrawToPositionManager(
        address pair,
        UniswapV2ToV4Params calldata params,
        IMigrator.LiquidityMigration memory migration,
        bool flipped
    ) private {
        (uint256 amount0, uint256 amount1,,) = UniswapV2Withdrawal.withdraw(
            pair, msg.sender, migration.sourceAmount, params.token0, params.token1, params.permit, V4_POSITION_MANAGER
        );
        UniswapV2Withdrawal.requireMinimums(amount0, amount1, params.amount0MinWithdrawn, params.amount1MinWithdrawn);
        (migration.amount0Withdrawn, migration.amount1Withdrawn) = flipped ? (amount1, amount0) : (amount0, amount1);
    }
}
