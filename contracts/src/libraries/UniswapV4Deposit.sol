// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IUniswapV4PositionManager} from "../interfaces/external/IUniswapV4PositionManager.sol";
import {IUniswapV4DepositRoute} from "../interfaces/routes/IUniswapV4DepositRoute.sol";
import {PullAuthorization} from "./PullAuthorization.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Hooks} from "@uniswap/v4-core/src/libraries/Hooks.sol";
import {SafeCast} from "@uniswap/v4-core/src/libraries/SafeCast.sol";
import {SqrtPriceMath as V4SqrtPriceMath} from "@uniswap/v4-core/src/libraries/SqrtPriceMath.sol";
import {StateLibrary} from "@uniswap/v4-core/src/libraries/StateLibrary.sol";
import {TickMath} from "@uniswap/v4-core/src/libraries/TickMath.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {LiquidityAmounts} from "@uniswap/v4-periphery/src/libraries/LiquidityAmounts.sol";

/// @title UniswapV4Deposit
/// @notice Deposits tokens already held by the Uniswap V4 PositionManager into a V4 position for the caller, in one
/// `modifyLiquidities`: unwrap WETH for a native pool, mint or increase, settle from the PositionManager's own
/// balance (`payerIsUser = false`), sweep the rest to the caller.
/// @dev The liquidity is computed here from the pool's price, read right before the call and bounded by the caller,
/// and so are the amounts deposited, with the pool's own rounding (up): in a pool whose hook returns no delta
/// (those that may are refused) the pool takes exactly these amounts. The settle actions then leave no delta open,
/// and the sweeps leave the PositionManager with no token of the caller's.
library UniswapV4Deposit {
    using PoolIdLibrary for PoolKey;
    using SafeCast for uint256;

    // v4-periphery `Actions` and `ActionConstants`.
    uint8 private constant INCREASE_LIQUIDITY = 0x00;
    uint8 private constant MINT_POSITION = 0x02;
    uint8 private constant SETTLE = 0x0b;
    uint8 private constant TAKE_PAIR = 0x11;
    uint8 private constant SWEEP = 0x14;
    uint8 private constant UNWRAP = 0x16;
    /// @dev `IExtsload.extsload(bytes32)`, an overloaded function.
    bytes4 private constant EXTSLOAD = 0x1e2eaeaf;
    /// @dev The 15 words of `IMigrator.LiquidityMigration`, every one static: its memory is its ABI encoding.
    uint256 private constant LIQUIDITY_MIGRATION_SIZE = 480;

    /// @notice What to deposit and how.
    /// @param poolManager The V4 PoolManager.
    /// @param positionManager The V4 PositionManager, which already holds the withdrawn tokens.
    /// @param amount0 currency0 (its WETH, for a native currency0) offered to the position.
    /// @param amount1 currency1 offered to the position.
    /// @param unwrapWeth Whether the pool's native currency0 is paid with WETH held by the PositionManager.
    /// @param refundWethAsEth The pool's WETH currency when its leftover goes to the caller as ETH; zero otherwise.
    struct Deposit {
        IPoolManager poolManager;
        address positionManager;
        uint256 amount0;
        uint256 amount1;
        bool unwrapWeth;
        address refundWethAsEth;
    }

    /// @notice Refuses a hook that may take part of a deposit (after-add-liquidity-returns-delta permission, read
    /// from its address like the PoolManager does).
    function requireAcceptedHooks(address hooks) internal pure {
        if (uint160(hooks) & Hooks.AFTER_ADD_LIQUIDITY_RETURNS_DELTA_FLAG != 0) {
            revert IUniswapV4DepositRoute.HookMayTakeDeposit(hooks);
        }
    }

    /// @notice Maps the source's sorted tokens onto the pool's currencies, WETH standing for native ETH.
    /// @return flipped Whether the source's token0 is the pool's currency1 (native ETH sorts first).
    /// @return native Whether the pool's currency0 is native ETH paid with the source's WETH.
    function matchCurrencies(address weth, address token0, address token1, PoolKey memory key)
        internal
        pure
        returns (bool flipped, bool native)
    {
        address currency0 = Currency.unwrap(key.currency0);
        address currency1 = Currency.unwrap(key.currency1);
        if (currency0 == token0 && currency1 == token1) return (false, false);
        if (currency0 == address(0)) {
            if (token0 == weth && currency1 == token1) return (false, true);
            if (token1 == weth && currency1 == token0) return (true, true);
        }
        revert IUniswapV4DepositRoute.CurrencyMismatch(token0, token1, currency0, currency1);
    }

    /// @notice The pool's price, 0 when it is not initialised.
    /// @dev `StateLibrary.getSlot0`'s read without its ABI round trip.
    function sqrtPriceX96Of(IPoolManager poolManager, PoolId poolId) internal view returns (uint160 sqrtPriceX96) {
        bytes32 slot = StateLibrary._getPoolStateSlot(poolId);
        bytes4 selector = EXTSLOAD;
        assembly ("memory-safe") {
            mstore(0, selector)
            mstore(4, slot)
            if iszero(and(gt(returndatasize(), 0x1f), staticcall(gas(), poolManager, 0, 0x24, 0, 0x20))) {
                let revertData := mload(0x40)
                returndatacopy(revertData, 0, returndatasize())
                revert(revertData, returndatasize())
            }
            sqrtPriceX96 := and(mload(0), 0xffffffffffffffffffffffffffffffffffffffff)
        }
    }

    /// @notice Initialises the pool at the source's price `sourceSqrtPriceX96` (inverted when the source's token
    /// order is the pool's reversed), so that a hook's initialise callbacks run before any funds move.
    function initialize(IPoolManager poolManager, PoolKey memory key, uint160 sourceSqrtPriceX96, bool flipped)
        internal
    {
        // forge-lint: disable-next-line(unsafe-typecast) 2^192 / a valid sqrtPrice is below 2^160
        poolManager.initialize(key, flipped ? uint160((1 << 192) / sourceSqrtPriceX96) : sourceSqrtPriceX96);
    }

    /// @notice Deposits `deposit`'s amounts into `destination` for `msg.sender` and fills `migration`'s destination,
    /// position manager, token id, liquidity and deposited amounts.
    /// @dev `destination` is read in place from the route's calldata; `key` is its pool key, which the route already
    /// copied into memory (checking its members) for the currency match, and `poolId` that key's id.
    function deposit(
        IUniswapV4DepositRoute.UniswapV4Destination calldata destination,
        PoolKey memory key,
        PoolId poolId,
        Deposit memory deposit_,
        IMigrator.LiquidityMigration memory migration
    ) internal {
        migration.destination = PoolId.unwrap(poolId);
        migration.positionManager = deposit_.positionManager;
        uint160 sqrtPriceX96 = _boundedPrice(deposit_.poolManager, poolId, destination);
        (int24 tickLower, int24 tickUpper) = (destination.tickLower, destination.tickUpper);
        (migration.liquidity, migration.amount0Deposited, migration.amount1Deposited) =
            _liquidityFor(sqrtPriceX96, tickLower, tickUpper, deposit_.amount0, deposit_.amount1);
        if (
            migration.amount0Deposited < destination.amount0MinDeposited
                || migration.amount1Deposited < destination.amount1MinDeposited
        ) {
            revert IUniswapV4DepositRoute.DepositSlippage(
                migration.amount0Deposited,
                migration.amount1Deposited,
                destination.amount0MinDeposited,
                destination.amount1MinDeposited
            );
        }
        uint256 tokenId = destination.tokenId;
        if (tokenId != 0) _requireCallersPosition(deposit_.positionManager, destination, poolId);
        _modifyLiquidities(key, tickLower, tickUpper, tokenId, deposit_, migration.liquidity);
        // The mint took the last id: the PositionManager's lock kept anyone (a hook included) from minting in between,
        // and the counter is warm after the mint.
        migration.tokenId = tokenId == 0 ? _nextTokenId(deposit_.positionManager) - 1 : tokenId;
    }

    /// @notice Emits `IMigrator.Migrated` for the caller.
    /// @dev Logs `migration` from where it lies: a memory struct of static members is already its ABI encoding.
    function emitMigrated(IMigrator.Route route, address source, IMigrator.LiquidityMigration memory migration)
        internal
    {
        bytes32 topic = IMigrator.Migrated.selector;
        assembly ("memory-safe") {
            log4(migration, LIQUIDITY_MIGRATION_SIZE, topic, caller(), route, source)
        }
    }

    /// @dev `IUniswapV4PositionManager.nextTokenId()` without its ABI round trip.
    function _nextTokenId(address positionManager) private view returns (uint256 tokenId) {
        bytes4 selector = IUniswapV4PositionManager.nextTokenId.selector;
        assembly ("memory-safe") {
            mstore(0, selector)
            if iszero(and(gt(returndatasize(), 0x1f), staticcall(gas(), positionManager, 0, 4, 0, 0x20))) {
                let revertData := mload(0x40)
                returndatacopy(revertData, 0, returndatasize())
                revert(revertData, returndatasize())
            }
            tokenId := mload(0)
        }
    }

    function _boundedPrice(
        IPoolManager poolManager,
        PoolId poolId,
        IUniswapV4DepositRoute.UniswapV4Destination calldata destination
    ) private view returns (uint160 sqrtPriceX96) {
        sqrtPriceX96 = sqrtPriceX96Of(poolManager, poolId);
        if (sqrtPriceX96 < destination.sqrtPriceX96Min || sqrtPriceX96 > destination.sqrtPriceX96Max) {
            revert IUniswapV4DepositRoute.V4PoolPriceOutOfBounds(
                PoolId.unwrap(poolId), sqrtPriceX96, destination.sqrtPriceX96Min, destination.sqrtPriceX96Max
            );
        }
    }

    /// @dev The most liquidity `amount0` and `amount1` buy in the range at `sqrtPriceX96`, and what the pool charges
    /// for it: `Pool.modifyLiquidity`'s amounts, rounded up.
    function _liquidityFor(uint160 sqrtPriceX96, int24 tickLower, int24 tickUpper, uint256 amount0, uint256 amount1)
        private
        pure
        returns (uint128 liquidity, uint256 deposited0, uint256 deposited1)
    {
        uint160 sqrtPriceLower = TickMath.getSqrtPriceAtTick(tickLower);
        uint160 sqrtPriceUpper = TickMath.getSqrtPriceAtTick(tickUpper);
        liquidity =
            LiquidityAmounts.getLiquidityForAmounts(sqrtPriceX96, sqrtPriceLower, sqrtPriceUpper, amount0, amount1);
        if (liquidity == 0) revert IUniswapV4DepositRoute.NoLiquidityToDeposit(amount0, amount1);
        if (sqrtPriceX96 <= sqrtPriceLower) {
            deposited0 = V4SqrtPriceMath.getAmount0Delta(sqrtPriceLower, sqrtPriceUpper, liquidity, true);
        } else if (sqrtPriceX96 < sqrtPriceUpper) {
            deposited0 = V4SqrtPriceMath.getAmount0Delta(sqrtPriceX96, sqrtPriceUpper, liquidity, true);
            deposited1 = V4SqrtPriceMath.getAmount1Delta(sqrtPriceLower, sqrtPriceX96, liquidity, true);
        } else {
            deposited1 = V4SqrtPriceMath.getAmount1Delta(sqrtPriceLower, sqrtPriceUpper, liquidity, true);
        }
    }

    /// @dev `INCREASE_LIQUIDITY` accepts any position the Migrator is approved for; only the caller's, in the pool
    /// and range whose price was bounded, may receive the caller's tokens.
    function _requireCallersPosition(
        address positionManager,
        IUniswapV4DepositRoute.UniswapV4Destination calldata destination,
        PoolId poolId
    ) private view {
        PullAuthorization.requireApprovedOwner(positionManager, msg.sender, destination.tokenId);
        (PoolKey memory key, uint256 info) =
            IUniswapV4PositionManager(positionManager).getPoolAndPositionInfo(destination.tokenId);
        // forge-lint: disable-next-line(unsafe-typecast) `info` packs the ticks as 24-bit fields
        (int24 tickLower, int24 tickUpper) = (int24(uint24(info >> 8)), int24(uint24(info >> 32)));
        if (
            PoolId.unwrap(key.toId()) != PoolId.unwrap(poolId) || tickLower != destination.tickLower
                || tickUpper != destination.tickUpper
        ) revert IUniswapV4DepositRoute.PositionMismatch(destination.tokenId);
    }

    /// @dev Calls `modifyLiquidities(abi.encode(actions, params), block.timestamp)` with the actions [UNWRAP]
    /// MINT_POSITION | INCREASE_LIQUIDITY, SETTLE ×2, [TAKE_PAIR], [UNWRAP], SWEEP ×2. A mint settles exactly its debt
    /// (`OPEN_DELTA`); an increase may also credit the position's accrued fees, so it settles everything held and takes
    /// the credit back before the sweeps. Every parameter is static, so the call is written once, word by word, in the
    /// strict ABI layout the PositionManager decodes (`CalldataDecoder.decodeActionsRouterParams`), instead of encoding
    /// each action, then the actions, then the call: a third of the memory and no copies.
    function _modifyLiquidities(
        PoolKey memory key,
        int24 tickLower,
        int24 tickUpper,
        uint256 tokenId,
        Deposit memory deposit_,
        uint128 liquidity
    ) private {
        // The amounts are the actions' uint128 maximums.
        deposit_.amount0.toUint128();
        deposit_.amount1.toUint128();
        assembly ("memory-safe") {
            // Action `i`: its offset (from `offsets`) at `offsets + 32 i`; at `at`, its parameters' byte length, then
            // the `words` parameter words, the first of which it returns.
            function element(offsets, i, at, words) -> first {
                mstore(add(offsets, shl(5, i)), sub(at, offsets))
                mstore(at, shl(5, words))
                first := add(at, 0x20)
            }
            // `actions` with `action` as byte `i`.
            function withAction(actions, i, action) -> updated {
                updated := or(actions, shl(sub(248, shl(3, i)), action))
            }

            // Memory structs hold one word per member, in order (`key`'s 5 words are its ABI encoding); the ticks are
            // sign-extended, as the stack may hold them dirty; ActionConstants.CONTRACT_BALANCE is `1 << 255`.
            let refundWeth := mload(add(deposit_, 0xa0))
            let increase := iszero(iszero(tokenId))

            // From the free memory: the selector's word, `modifyLiquidities`' 3 head words, `unlockData`'s 5 head
            // words (written last), then the actions' offsets and parameters.
            let offsets := add(mload(0x40), 0x120)
            let at :=
                add(offsets, shl(5, add(add(5, mload(add(deposit_, 0x80))), add(increase, iszero(iszero(refundWeth))))))
            let i := 0
            let actions := 0

            if mload(add(deposit_, 0x80)) {
                let w := element(offsets, i, at, 1)
                mstore(w, shl(255, 1))
                actions := withAction(actions, i, UNWRAP)
                i := 1
                at := add(w, 0x20)
            }
            switch increase
            case 0 {
                // MINT_POSITION (poolKey, tickLower, tickUpper, liquidity, amount0Max, amount1Max, owner, hookData "")
                let w := element(offsets, i, at, 13)
                mcopy(w, key, 0xa0)
                mstore(add(w, 0xa0), signextend(2, tickLower))
                mstore(add(w, 0xc0), signextend(2, tickUpper))
                mstore(add(w, 0xe0), liquidity)
                mstore(add(w, 0x100), mload(add(deposit_, 0x40)))
                mstore(add(w, 0x120), mload(add(deposit_, 0x60)))
                mstore(add(w, 0x140), caller())
                mstore(add(w, 0x160), 0x180)
                mstore(add(w, 0x180), 0)
                actions := withAction(actions, i, MINT_POSITION)
                at := add(w, 0x1a0)
            }
            default {
                // INCREASE_LIQUIDITY (tokenId, liquidity, amount0Max, amount1Max, hookData "")
                let w := element(offsets, i, at, 6)
                mstore(w, tokenId)
                mstore(add(w, 0x20), liquidity)
                mstore(add(w, 0x40), mload(add(deposit_, 0x40)))
                mstore(add(w, 0x60), mload(add(deposit_, 0x60)))
                mstore(add(w, 0x80), 0xa0)
                mstore(add(w, 0xa0), 0)
                actions := withAction(actions, i, INCREASE_LIQUIDITY)
                at := add(w, 0xc0)
            }
            i := add(i, 1)
            // SETTLE (currency, amount, payerIsUser = false) of each currency: OPEN_DELTA (0) after a mint.
            for { let c := 0 } lt(c, 2) { c := add(c, 1) } {
                let w := element(offsets, i, at, 3)
                mstore(w, mload(add(key, shl(5, c))))
                mstore(add(w, 0x20), shl(255, increase))
                mstore(add(w, 0x40), 0)
                actions := withAction(actions, i, SETTLE)
                i := add(i, 1)
                at := add(w, 0x60)
            }
            if increase {
                // TAKE_PAIR (currency0, currency1, to ActionConstants.ADDRESS_THIS: the PositionManager)
                let w := element(offsets, i, at, 3)
                mcopy(w, key, 0x40)
                mstore(add(w, 0x40), 2)
                actions := withAction(actions, i, TAKE_PAIR)
                i := add(i, 1)
                at := add(w, 0x60)
            }
            if refundWeth {
                let w := element(offsets, i, at, 1)
                mstore(w, shl(255, 1))
                actions := withAction(actions, i, UNWRAP)
                i := add(i, 1)
                at := add(w, 0x20)
            }
            // SWEEP (currency, to the caller) of each currency; WETH as ETH (zero) after the last UNWRAP.
            for { let c := 0 } lt(c, 2) { c := add(c, 1) } {
                let w := element(offsets, i, at, 2)
                let currency := mload(add(key, shl(5, c)))
                mstore(w, mul(currency, iszero(and(iszero(iszero(refundWeth)), eq(currency, refundWeth)))))
                mstore(add(w, 0x20), caller())
                actions := withAction(actions, i, SWEEP)
                i := add(i, 1)
                at := add(w, 0x40)
            }

            let start := sub(offsets, 0x120)
            let unlockData := add(start, 0x80)
            mstore(start, 0xdd46508f) // modifyLiquidities(bytes,uint256)
            mstore(add(start, 0x20), 0x40) // offset of `unlockData`
            mstore(add(start, 0x40), timestamp()) // deadline
            mstore(add(start, 0x60), sub(at, unlockData))
            mstore(unlockData, 0x40) // offset of `actions`
            mstore(add(unlockData, 0x20), 0x80) // offset of `params`, after one word of actions
            mstore(add(unlockData, 0x40), i) // the count of actions
            mstore(add(unlockData, 0x60), actions)
            mstore(add(unlockData, 0x80), i)
            mstore(0x40, at)
            // The call starts at the selector, the last 4 bytes of the first word.
            if iszero(call(gas(), mload(add(deposit_, 0x20)), 0, add(start, 28), sub(at, add(start, 28)), 0, 0)) {
                returndatacopy(start, 0, returndatasize())
                revert(start, returndatasize())
            }
        }
    }
}
