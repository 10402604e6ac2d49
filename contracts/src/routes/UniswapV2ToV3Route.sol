// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {WethRefunds} from "../base/WethRefunds.sol";
import {INonfungiblePositionManager} from "../interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../interfaces/external/IUniswapV2Pair.sol";
import {IDelegatedRoute} from "../interfaces/routes/IDelegatedRoute.sol";
import {IUniswapV2ToV3Route} from "../interfaces/routes/IUniswapV2ToV3Route.sol";
import {ERC20Reads} from "../libraries/ERC20Reads.sol";
import {SqrtPriceMath} from "../libraries/SqrtPriceMath.sol";
import {UniswapV2Withdrawal} from "../libraries/UniswapV2Withdrawal.sol";
import {UniswapV3Deposit} from "../libraries/UniswapV3Deposit.sol";

/// @title UniswapV2ToV3Route
/// @notice Route `UniswapV2ToV3`: the caller's V2 LP tokens → a new V3 position minted to the caller, or more
/// liquidity in a V3 position the caller already owns.
abstract contract UniswapV2ToV3Route is IUniswapV2ToV3Route, WethRefunds {
    /// @inheritdoc IUniswapV2ToV3Route
    address public immutable V2_FACTORY;
    /// @inheritdoc IUniswapV2ToV3Route
    bytes32 public immutable V2_PAIR_INIT_CODE_HASH;
    /// @inheritdoc IUniswapV2ToV3Route
    address public immutable V3_FACTORY;
    /// @inheritdoc IUniswapV2ToV3Route
    bytes32 public immutable V3_POOL_INIT_CODE_HASH;
    /// @inheritdoc IUniswapV2ToV3Route
    address public immutable POSITION_MANAGER;

    /// @dev `UniswapV2ToV3Params` is static: 14 words and the permit's 5.
    uint256 private constant PARAMS_SIZE = 19 * 32;

    constructor(UniswapV2ToV3Config memory config) {
        V2_FACTORY = config.v2Factory;
        V2_PAIR_INIT_CODE_HASH = config.v2PairInitCodeHash;
        V3_FACTORY = config.v3Factory;
        V3_POOL_INIT_CODE_HASH = config.v3PoolInitCodeHash;
        POSITION_MANAGER = config.positionManager;
    }

    /// @dev Migrates one position given its abi-encoded `UniswapV2ToV3Params` (`IMigrator.Position.params`).
    function _migrateUniswapV2ToV3(bytes calldata encodedParams, bool unwrapWeth) internal {
        UniswapV2ToV3Params memory params = _uniswapV2ToV3Params(encodedParams);
        address pair = UniswapV2Withdrawal.pairFor(V2_FACTORY, V2_PAIR_INIT_CODE_HASH, params.token0, params.token1);
        if (pair.code.length == 0) revert PairNotFound(params.token0, params.token1);
        LiquidityMigration memory migration;
        migration.sourceAmount = UniswapV2Withdrawal.lpAmountOf(pair, msg.sender, params.lpAmount, params.percentageBps);

        address pool =
            UniswapV3Deposit.poolFor(V3_FACTORY, V3_POOL_INIT_CODE_HASH, params.token0, params.token1, params.fee);
        migration.destination = bytes32(uint256(uint160(pool)));
        migration.positionManager = POSITION_MANAGER;
        migration.token0 = params.token0;
        migration.token1 = params.token1;
        // The price a missing pool starts at: the pair's, read before the burn (which can leave too little to price).
        // Reading the pool's code warms it for the price read before the mint, so an existing pool pays ~100 gas.
        uint160 pairSqrtPriceX96;
        if (pool.code.length == 0) pairSqrtPriceX96 = _pairSqrtPriceX96(pair, 0, 0);

        uint256 held0;
        uint256 held1;
        (migration.amount0Withdrawn, migration.amount1Withdrawn, held0, held1) = UniswapV2Withdrawal.withdraw(
            pair, msg.sender, migration.sourceAmount, params.token0, params.token1, params.permit, address(this)
        );
        UniswapV2Withdrawal.requireMinimums(
            migration.amount0Withdrawn,
            migration.amount1Withdrawn,
            params.amount0MinWithdrawn,
            params.amount1MinWithdrawn
        );
        // Read before the mint spends it; see `_leftover`.
        bool positionManagerHeldEth = POSITION_MANAGER.balance != 0;
        _deposit(params, migration, pair, pairSqrtPriceX96);

        migration.amount0Refunded = _leftover(
            params.token0, held0, migration.amount0Withdrawn, migration.amount0Deposited, positionManagerHeldEth
        );
        migration.amount1Refunded = _leftover(
            params.token1, held1, migration.amount1Withdrawn, migration.amount1Deposited, positionManagerHeldEth
        );
        bool refunded0AsEth = _refund(params.token0, migration.amount0Refunded, unwrapWeth);
        bool refunded1AsEth = _refund(params.token1, migration.amount1Refunded, unwrapWeth);
        migration.refundedAsEth = refunded0AsEth || refunded1AsEth;
        // Everything withdrawn left again: a token whose balances move during the deposit or refund transfers
        // would otherwise leave value behind.
        UniswapV2Withdrawal.requireBalance(params.token0, address(this), held0);
        UniswapV2Withdrawal.requireBalance(params.token1, address(this), held1);

        _emitMigrated(pair, migration);
    }

    /// @dev `emit Migrated(msg.sender, Route.UniswapV2ToV3, pair, migration)`, logged from `migration` where it lies: a
    /// struct of value types sits in memory as its ABI encoding (15 words), so the log needs no copy of it.
    function _emitMigrated(address pair, LiquidityMigration memory migration) private {
        bytes32 topic = Migrated.selector;
        uint256 route = uint256(Route.UniswapV2ToV3);
        assembly ("memory-safe") {
            log4(migration, 0x1e0, topic, caller(), route, pair)
        }
    }

    /// @dev What the deposit left of `withdrawn`, to refund. The position manager's `PeripheryPayments.pay` settles a
    /// WETH leg with ETH it holds (anyone can leave some there) instead of pulling the Migrator's WETH; then the
    /// leftover WETH is read from the balance, not derived from the deposit, and goes back to the user. Only when
    /// it held ETH before the mint, which keeps a balance read off the usual path; ETH forced into it during the
    /// mint leaves WETH behind, and the final balance check reverts that migration rather than keep anything.
    function _leftover(address token, uint256 held, uint256 withdrawn, uint256 deposited, bool positionManagerHeldEth)
        private
        view
        returns (uint256)
    {
        if (token != WETH || !positionManagerHeldEth) return withdrawn - deposited;
        return ERC20Reads.balanceOf(WETH, address(this)) - held;
    }

    /// @dev `abi.decode(encodedParams, (UniswapV2ToV3Params))` for this static struct, at a fraction of its cost: the
    /// encoding is the struct's words in order, copied as they are into the struct Solidity allocated (its fields,
    /// then the permit's, which a memory struct holds behind a pointer); then every narrow field's range is checked at
    /// once, and a value `abi.decode` would reject reverts the same way, with no data.
    function _uniswapV2ToV3Params(bytes calldata encodedParams)
        private
        pure
        returns (UniswapV2ToV3Params memory params)
    {
        if (encodedParams.length != PARAMS_SIZE) {
            revert IDelegatedRoute.InvalidParamsLength(encodedParams.length, PARAMS_SIZE);
        }
        assembly ("memory-safe") {
            let offset := encodedParams.offset
            calldatacopy(params, offset, 0x1c0) // token0 … tokenId
            let permit := mload(add(params, 0x1c0))
            calldatacopy(permit, add(offset, 0x1c0), 0xa0) // value, deadline, v, r, s
            let tickLower := mload(add(params, 0xe0))
            let tickUpper := mload(add(params, 0x100))
            let dirty := or(shr(160, mload(params)), shr(160, mload(add(params, 0x20)))) // token0, token1
            dirty := or(dirty, shr(16, mload(add(params, 0x60)))) // percentageBps
            dirty := or(dirty, shr(24, mload(add(params, 0xc0)))) // fee
            dirty := or(dirty, or(xor(signextend(2, tickLower), tickLower), xor(signextend(2, tickUpper), tickUpper)))
            dirty := or(dirty, or(shr(160, mload(add(params, 0x120))), shr(160, mload(add(params, 0x140))))) // bounds
            dirty := or(dirty, shr(8, mload(add(permit, 0x40)))) // v
            if dirty { revert(0, 0) }
        }
    }

    /// @dev The pair's price, `sqrtPriceX96`, from its reserves plus what it `paid` since they were read.
    function _pairSqrtPriceX96(address pair, uint256 paid0, uint256 paid1) private view returns (uint160) {
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(pair).getReserves();
        return SqrtPriceMath.fromReserves(reserve0 + paid0, reserve1 + paid1);
    }

    /// @dev Lets the position manager pull what was withdrawn; then reads the pool's price once, after every token call
    /// that could run foreign code; initialises a missing or uninitialised pool at the V2 pair's price before the
    /// burn (`pairSqrtPriceX96`, read then if the pool was missing); and requires the price to lie within the
    /// caller's bounds.
    function _prepareDeposit(
        UniswapV2ToV3Params memory params,
        LiquidityMigration memory migration,
        address pair,
        uint160 pairSqrtPriceX96
    ) private {
        UniswapV3Deposit.approveOnce(params.token0, POSITION_MANAGER, migration.amount0Withdrawn);
        UniswapV3Deposit.approveOnce(params.token1, POSITION_MANAGER, migration.amount1Withdrawn);
        address pool = address(uint160(uint256(migration.destination)));
        uint160 sqrtPriceX96 = UniswapV3Deposit.sqrtPriceX96Of(pool);
        if (sqrtPriceX96 == 0) {
            // A pool that existed without a price (rare): the pair's balances before the burn, what it kept plus
            // what it paid; equal to its reserves unless tokens reached it unsynced (a donation, a rebase).
            sqrtPriceX96 = pairSqrtPriceX96 != 0
                ? pairSqrtPriceX96
                : _pairSqrtPriceX96(pair, migration.amount0Withdrawn, migration.amount1Withdrawn);
            UniswapV3Deposit.initialize(V3_FACTORY, pool, params.token0, params.token1, params.fee, sqrtPriceX96);
        }
        UniswapV3Deposit.requirePriceWithin(pool, sqrtPriceX96, params.sqrtPriceX96Min, params.sqrtPriceX96Max);
    }

    /// @dev Offers everything withdrawn to a new position, or to the caller's position `params.tokenId`. The pool
    /// price is checked right before minting, after every token call that could run foreign code; the minimums
    /// are checked here to revert with a typed error.
    function _deposit(
        UniswapV2ToV3Params memory params,
        LiquidityMigration memory migration,
        address pair,
        uint160 pairSqrtPriceX96
    ) private {
        INonfungiblePositionManager positionManager = INonfungiblePositionManager(POSITION_MANAGER);
        _prepareDeposit(params, migration, pair, pairSqrtPriceX96);
        if (params.tokenId == 0) {
            (migration.tokenId, migration.liquidity, migration.amount0Deposited, migration.amount1Deposited) =
                positionManager.mint(
                    INonfungiblePositionManager.MintParams({
                        token0: params.token0,
                        token1: params.token1,
                        fee: params.fee,
                        tickLower: params.tickLower,
                        tickUpper: params.tickUpper,
                        amount0Desired: migration.amount0Withdrawn,
                        amount1Desired: migration.amount1Withdrawn,
                        amount0Min: 0,
                        amount1Min: 0,
                        recipient: msg.sender,
                        deadline: block.timestamp
                    })
                );
        } else {
            _requireCallersPosition(positionManager, params);
            migration.tokenId = params.tokenId;
            (migration.liquidity, migration.amount0Deposited, migration.amount1Deposited) =
                positionManager.increaseLiquidity(
                    INonfungiblePositionManager.IncreaseLiquidityParams({
                        tokenId: params.tokenId,
                        amount0Desired: migration.amount0Withdrawn,
                        amount1Desired: migration.amount1Withdrawn,
                        amount0Min: 0,
                        amount1Min: 0,
                        deadline: block.timestamp
                    })
                );
        }
        if (
            migration.amount0Deposited < params.amount0MinDeposited
                || migration.amount1Deposited < params.amount1MinDeposited
        ) {
            revert DepositSlippage(
                migration.amount0Deposited,
                migration.amount1Deposited,
                params.amount0MinDeposited,
                params.amount1MinDeposited
            );
        }
    }

    /// @dev `increaseLiquidity` accepts any position; only the caller's, in the pool whose price was bounded, may
    /// receive the caller's tokens.
    function _requireCallersPosition(INonfungiblePositionManager positionManager, UniswapV2ToV3Params memory params)
        private
        view
    {
        address owner = positionManager.ownerOf(params.tokenId);
        if (owner != msg.sender) revert NotPositionOwner(params.tokenId, owner);
        (,, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper,,,,,) =
            positionManager.positions(params.tokenId);
        if (
            token0 != params.token0 || token1 != params.token1 || fee != params.fee || tickLower != params.tickLower
                || tickUpper != params.tickUpper
        ) revert PositionMismatch(params.tokenId);
    }
}
