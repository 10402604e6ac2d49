// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV3ToV4Route} from "../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {V4MigratorTest} from "./base/V4MigratorTest.sol";
import {INonfungiblePositionManager as INpm} from "./utils/interfaces/IUniswapV3.sol";
import {IV4PositionManager} from "./utils/interfaces/IUniswapV4.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Route `UniswapV3ToV4` over position sizes, percentages, fee handling, ranges (in, above and below the
/// price) and tick spacings, into existing and new pools: every token withdrawn is deposited or refunded, the event is
/// the chain's state, and nothing stays behind.
contract UniswapV3ToV4FuzzTest is V4MigratorTest {
    function testFuzz_Migrate(
        uint256 weth,
        uint16 percentageBps,
        bool depositFees,
        uint256 spacingPick,
        int256 lowerOffset,
        uint256 width
    ) public {
        weth = bound(weth, 0.01 ether, 50 ether);
        percentageBps = uint16(bound(percentageBps, 100, 10_000));
        uint256 v3Id = _mintV3(alice, weth, weth * 4000 / 1e12, FULL_RANGE_LOWER_3000, FULL_RANGE_UPPER_3000);
        _accrueV3Fees(20 ether);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params =
            _v3ToV4Params(aliceKey, v3Id, percentageBps, "WETH_USDC_3000");
        params.depositFees = depositFees;
        params.destination = _fuzzedDestination(spacingPick, lowerOffset, width);
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        _assertAccounted(m, weth0, usdc0);
        if (percentageBps < 10_000) assertEq(INpm(V3_NPM).ownerOf(v3Id), alice, "a partial leaves the NFT");
        _assertV4Empty();
    }

    /// @dev A WETH/USDC 0.3% pool of a fuzzed tick spacing (60 is the seeded pool; the others are new pools the route
    /// initialises at the V3 price) and a fuzzed range around, above or below the price.
    function _fuzzedDestination(uint256 spacingPick, int256 lowerOffset, uint256 width)
        internal
        view
        returns (IUniswapV4DepositRoute.UniswapV4Destination memory destination)
    {
        PoolKey memory key = _v4Key("WETH_USDC_3000");
        int24[4] memory spacings = [int24(1), 10, 60, 200];
        int24 spacing = spacings[bound(spacingPick, 0, 3)];
        key.tickSpacing = spacing;
        (uint160 v3Price, int24 v3Tick,,,,,) = IUniswapV3Pool(v3WethUsdc).slot0();
        destination = _fullRangeDestination(key, _v4Price(key) == 0 ? v3Price : _v4Price(key));
        destination.tickLower = v3Tick / spacing * spacing + int24(bound(lowerOffset, -300, 300)) * spacing;
        destination.tickUpper = destination.tickLower + int24(int256(bound(width, 1, 600))) * spacing;
    }

    /// @dev The event is the chain's state: the position's liquidity, and every token withdrawn deposited or refunded
    /// to alice.
    function _assertAccounted(IMigrator.LiquidityMigration memory m, uint256 weth0, uint256 usdc0) internal view {
        assertEq(IV4PositionManager(V4_POSITION_MANAGER).ownerOf(m.tokenId), alice, "alice owns the V4 position");
        assertEq(_v4Liquidity(m.tokenId), m.liquidity, "event liquidity is the position's");
        assertEq(m.amount0Deposited + m.amount0Refunded, m.amount0Withdrawn, "WETH deposited or refunded");
        assertEq(m.amount1Deposited + m.amount1Refunded, m.amount1Withdrawn, "USDC deposited or refunded");
        assertEq(IERC20(WETH).balanceOf(alice) - weth0, m.amount0Refunded, "WETH refund reached alice");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "USDC refund reached alice");
    }
}
