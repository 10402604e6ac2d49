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
    using StateLibrary for IPoolManager;

    // v4-periphery `Actions` and `ActionConstants`.
    uint8 private constant INCREASE_LIQUIDITY = 0x00;
    uint8 private constant MINT_POSITION = 0x02;
    uint8 private constant SETTLE = 0x0b;
    uint8 private constant TAKE_PAIR = 0x11;
    uint8 private constant SWEEP = 0x14;
    uint8 private constant UNWRAP = 0x16;
    uint256 private constant OPEN_DELTA = 0;
    uint256 private constant CONTRACT_BALANCE = 1 << 255;
    address private constant ADDRESS_THIS = address(2);

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
    function sqrtPriceX96Of(IPoolManager poolManager, PoolId poolId) internal view returns (uint160 sqrtPriceX96) {
        (sqrtPriceX96,,,) = poolManager.getSlot0(poolId);
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
    function deposit(
        IUniswapV4DepositRoute.UniswapV4Destination memory destination,
        Deposit memory deposit_,
        IMigrator.LiquidityMigration memory migration
    ) internal {
        PoolId poolId = destination.poolKey.toId();
        migration.destination = PoolId.unwrap(poolId);
        migration.positionManager = deposit_.positionManager;
        uint160 sqrtPriceX96 = _boundedPrice(deposit_.poolManager, poolId, destination);
        (migration.liquidity, migration.amount0Deposited, migration.amount1Deposited) =
            _liquidityFor(sqrtPriceX96, destination, deposit_.amount0, deposit_.amount1);
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
        IUniswapV4PositionManager positionManager = IUniswapV4PositionManager(deposit_.positionManager);
        if (destination.tokenId != 0) _requireCallersPosition(deposit_.positionManager, destination, poolId);
        positionManager.modifyLiquidities(_unlockData(destination, deposit_, migration.liquidity), block.timestamp);
        // The mint took the last id: the PositionManager's lock kept anyone (a hook included) from minting in between,
        // and the counter is warm after the mint.
        migration.tokenId = destination.tokenId == 0 ? positionManager.nextTokenId() - 1 : destination.tokenId;
    }

    function _boundedPrice(
        IPoolManager poolManager,
        PoolId poolId,
        IUniswapV4DepositRoute.UniswapV4Destination memory destination
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
    function _liquidityFor(
        uint160 sqrtPriceX96,
        IUniswapV4DepositRoute.UniswapV4Destination memory destination,
        uint256 amount0,
        uint256 amount1
    ) private pure returns (uint128 liquidity, uint256 deposited0, uint256 deposited1) {
        uint160 sqrtPriceLower = TickMath.getSqrtPriceAtTick(destination.tickLower);
        uint160 sqrtPriceUpper = TickMath.getSqrtPriceAtTick(destination.tickUpper);
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
        IUniswapV4DepositRoute.UniswapV4Destination memory destination,
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

    /// @dev The PositionManager's actions: [UNWRAP] MINT_POSITION | INCREASE_LIQUIDITY, SETTLE ×2, [TAKE_PAIR],
    /// [UNWRAP], SWEEP ×2. A mint settles exactly its debt (`OPEN_DELTA`); an increase may also credit the position's
    /// accrued fees, so it settles everything held and takes the credit back before the sweeps.
    function _unlockData(
        IUniswapV4DepositRoute.UniswapV4Destination memory destination,
        Deposit memory deposit_,
        uint128 liquidity
    ) private view returns (bytes memory) {
        bool increase = destination.tokenId != 0;
        uint256 count = 5 + _bit(deposit_.unwrapWeth) + _bit(increase) + _bit(deposit_.refundWethAsEth != address(0));
        bytes memory actions = new bytes(count);
        bytes[] memory params = new bytes[](count);
        uint256 i;
        if (deposit_.unwrapWeth) i = _push(actions, params, i, UNWRAP, abi.encode(CONTRACT_BALANCE));
        i = _push(
            actions,
            params,
            i,
            increase ? INCREASE_LIQUIDITY : MINT_POSITION,
            _addParams(destination, deposit_, liquidity)
        );
        PoolKey memory key = destination.poolKey;
        uint256 settleAmount = increase ? CONTRACT_BALANCE : OPEN_DELTA;
        i = _push(actions, params, i, SETTLE, abi.encode(key.currency0, settleAmount, false));
        i = _push(actions, params, i, SETTLE, abi.encode(key.currency1, settleAmount, false));
        if (increase) i = _push(actions, params, i, TAKE_PAIR, abi.encode(key.currency0, key.currency1, ADDRESS_THIS));
        address refund0 = Currency.unwrap(key.currency0);
        address refund1 = Currency.unwrap(key.currency1);
        if (deposit_.refundWethAsEth != address(0)) {
            i = _push(actions, params, i, UNWRAP, abi.encode(CONTRACT_BALANCE));
            if (refund0 == deposit_.refundWethAsEth) refund0 = address(0);
            else refund1 = address(0);
        }
        i = _push(actions, params, i, SWEEP, abi.encode(refund0, msg.sender));
        _push(actions, params, i, SWEEP, abi.encode(refund1, msg.sender));
        return abi.encode(actions, params);
    }

    /// @dev The parameters of `INCREASE_LIQUIDITY` (the caller's position) or `MINT_POSITION` (to the caller), capped at
    /// the amounts offered.
    function _addParams(
        IUniswapV4DepositRoute.UniswapV4Destination memory destination,
        Deposit memory deposit_,
        uint128 liquidity
    ) private view returns (bytes memory) {
        uint128 amount0Max = deposit_.amount0.toUint128();
        uint128 amount1Max = deposit_.amount1.toUint128();
        if (destination.tokenId != 0) {
            return abi.encode(destination.tokenId, liquidity, amount0Max, amount1Max, bytes(""));
        }
        return abi.encode(
            destination.poolKey,
            destination.tickLower,
            destination.tickUpper,
            liquidity,
            amount0Max,
            amount1Max,
            msg.sender,
            bytes("")
        );
    }

    /// @dev Writes action `i` and its parameters; returns the next index.
    function _push(bytes memory actions, bytes[] memory params, uint256 i, uint8 action, bytes memory param)
        private
        pure
        returns (uint256)
    {
        actions[i] = bytes1(action);
        params[i] = param;
        return i + 1;
    }

    function _bit(bool flag) private pure returns (uint256) {
        return flag ? 1 : 0;
    }
}
