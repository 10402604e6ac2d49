// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as IFerryNpm} from "../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IDelegatedRoute} from "../src/interfaces/routes/IDelegatedRoute.sol";
import {IUniswapV3ToV4Route} from "../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {V4MigratorTest} from "./base/V4MigratorTest.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {INonfungiblePositionManager as INpm} from "./utils/interfaces/IUniswapV3.sol";
import {IV4PositionManager} from "./utils/interfaces/IUniswapV4.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Route `UniswapV3ToV4` on the world's V3 position manager, V4 PoolManager and PositionManager.
contract UniswapV3ToV4Test is V4MigratorTest {
    using PoolIdLibrary for PoolKey;

    function test_Deployment_RouteIsBuiltForTheWorld() public view {
        IUniswapV3ToV4Route route = IUniswapV3ToV4Route(migrator.UNISWAP_V3_TO_V4_ROUTE());
        assertEq(route.V3_POSITION_MANAGER(), V3_NPM, "V3 position manager");
        assertEq(route.V3_FACTORY(), V3_FACTORY, "V3 factory");
        assertEq(route.V4_POOL_MANAGER(), V4_POOL_MANAGER, "V4 PoolManager");
        assertEq(route.V4_POSITION_MANAGER(), V4_POSITION_MANAGER, "V4 PositionManager");
        assertEq(route.WETH(), WETH, "WETH");
    }

    // ---------------------------------------------------------------- happy paths

    function test_Migrate_WholePositionMintsV4PositionAndBurnsTheNft() public {
        uint256 v3Id = _mintV3FullRange(alice);
        (,,,,,,, uint128 v3Liquidity,,,,) = INpm(V3_NPM).positions(v3Id);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        uint256 nextId = IV4PositionManager(V4_POSITION_MANAGER).nextTokenId();
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        vm.expectRevert("Invalid token ID");
        INpm(V3_NPM).positions(v3Id);
        assertEq(m.sourceId, v3Id, "event: V3 token id");
        assertEq(m.sourceAmount, v3Liquidity, "event: all V3 liquidity removed");
        assertEq(m.destination, PoolId.unwrap(params.destination.poolKey.toId()), "event: the PoolId");
        assertEq(m.positionManager, V4_POSITION_MANAGER, "event: the V4 PositionManager");
        assertEq(m.tokenId, nextId, "event: the new V4 token id");
        assertEq(IV4PositionManager(V4_POSITION_MANAGER).ownerOf(nextId), alice, "alice owns the V4 position");
        assertEq(_v4Liquidity(nextId), m.liquidity, "event: the V4 liquidity");
        assertGt(m.liquidity, 0, "liquidity added");
        assertEq(m.token0, WETH, "event: currency0");
        assertEq(m.token1, USDC, "event: currency1");
        assertApproxEqAbs(m.amount0Withdrawn, 1 ether, 1e6, "event: the WETH in the position");
        assertEq(m.amount0Refunded, m.amount0Withdrawn - m.amount0Deposited, "event: WETH refund");
        assertEq(m.amount1Refunded, m.amount1Withdrawn - m.amount1Deposited, "event: USDC refund");
        assertEq(IERC20(WETH).balanceOf(alice) - weth0, m.amount0Refunded, "WETH refund reached alice");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "USDC refund reached alice");
        assertFalse(m.refundedAsEth, "refunds in WETH");
        _assertV4Empty();
    }

    function test_Migrate_PartialDecreasesAndKeepsTheNft() public {
        uint256 v3Id = _mintV3FullRange(alice);
        (,,,,,,, uint128 v3Liquidity,,,,) = INpm(V3_NPM).positions(v3Id);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 2500, "WETH_USDC_3000");

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        (,,,,,,, uint128 left,,,,) = INpm(V3_NPM).positions(v3Id);
        assertEq(m.sourceAmount, uint256(v3Liquidity) / 4, "event: a quarter removed");
        assertEq(left, v3Liquidity - m.sourceAmount, "the rest stays in V3");
        assertEq(INpm(V3_NPM).ownerOf(v3Id), alice, "alice keeps the V3 NFT");
        assertApproxEqRel(m.amount0Withdrawn, 0.25 ether, 1e12, "a quarter of the WETH");
        _assertV4Empty();
    }

    function test_Migrate_FeesDepositedOrRefunded() public {
        uint256 depositId = _mintV3FullRange(alice);
        uint256 refundId = _mintV3FullRange(bob);
        _accrueV3Fees(200 ether);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory deposit =
            _v3ToV4Params(aliceKey, depositId, 10_000, "WETH_USDC_3000");
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory refund =
            _v3ToV4Params(bobKey, refundId, 10_000, "WETH_USDC_3000");
        refund.depositFees = false;

        IMigrator.LiquidityMigration memory deposited = _migrate(alice, _v3ToV4Batch(deposit), false)[0];
        IMigrator.LiquidityMigration memory refunded = _migrate(bob, _v3ToV4Batch(refund), false)[0];

        // The same position earned the same fees: 0.3% of the 200 WETH swapped, shared with the pool's liquidity.
        assertApproxEqAbs(deposited.amount0Withdrawn, refunded.amount0Withdrawn, 2, "same WETH withdrawn");
        assertGt(deposited.amount0Withdrawn, 1 ether, "fees collected on top of the principal");
        assertGt(deposited.liquidity, refunded.liquidity, "fees deposited buy more liquidity");
        uint256 feesWeth = deposited.amount0Withdrawn - 1 ether;
        assertGe(refunded.amount0Refunded, feesWeth - 1e6, "fees refunded when not deposited");
        _assertV4Empty();
    }

    function test_Migrate_WethPositionIntoNativeEthPool() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "ETH_USDC_500");
        uint256 eth0 = alice.balance;
        uint256 weth0 = IERC20(WETH).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        assertEq(m.token0, address(0), "event: native ETH is currency0");
        assertTrue(m.refundedAsEth, "the ETH leftover is refunded as ETH");
        assertGt(m.amount0Deposited, 0.9 ether, "WETH deposited as ETH");
        assertEq(alice.balance - eth0, m.amount0Refunded, "ETH refund reached alice");
        assertEq(IERC20(WETH).balanceOf(alice), weth0, "no WETH refunded");
        assertEq(IV4PositionManager(V4_POSITION_MANAGER).ownerOf(m.tokenId), alice, "alice owns the V4 position");
        _assertV4Empty();
    }

    function test_Migrate_UnwrapsWethRefundsOnRequest() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        // An upper tick that makes the deposit USDC-heavy leaves WETH to refund.
        params.destination.tickLower = 0;
        params.destination.tickUpper = 887_220;
        uint256 eth0 = alice.balance;
        uint256 weth0 = IERC20(WETH).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), true)[0];

        assertTrue(m.refundedAsEth, "event: refunded as ETH");
        assertEq(alice.balance - eth0, m.amount0Refunded, "WETH leftover arrives as ETH");
        assertEq(IERC20(WETH).balanceOf(alice), weth0, "no WETH refunded");
        _assertV4Empty();
    }

    function test_Migrate_InitialisesAMissingPoolAtTheV3Price() public {
        uint256 v3Id = _mintV3FullRange(alice);
        PoolKey memory key = _v4Key("WETH_USDC_3000");
        key.fee = 2500;
        key.tickSpacing = 50;
        (uint160 v3Price,,,,,,) = IUniswapV3Pool(v3WethUsdc).slot0();
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.destination = _fullRangeDestination(key, v3Price);
        assertEq(_v4Price(key), 0, "pool missing before");

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        assertEq(_v4Price(key), v3Price, "initialised at the V3 price");
        assertEq(m.destination, PoolId.unwrap(key.toId()), "event: the new pool");
        assertEq(_v4Liquidity(m.tokenId), m.liquidity, "position in the new pool");
        _assertV4Empty();
    }

    function test_Migrate_AddsToTheCallersV4Position() public {
        uint256 first = _mintV3FullRange(alice);
        uint256 second = _mintV3FullRange(alice);
        _migrate(alice, _v3ToV4Batch(_v3ToV4Params(aliceKey, first, 10_000, "WETH_USDC_3000")), false);
        uint256 v4Id = IV4PositionManager(V4_POSITION_MANAGER).nextTokenId() - 1;
        uint128 before = _v4Liquidity(v4Id);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params =
            _v3ToV4Params(aliceKey, second, 10_000, "WETH_USDC_3000");
        params.destination.tokenId = v4Id;
        vm.prank(alice);
        IV4PositionManagerApprove(V4_POSITION_MANAGER).approve(address(migrator), v4Id);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        assertEq(m.tokenId, v4Id, "event: the existing position");
        assertEq(_v4Liquidity(v4Id), before + m.liquidity, "liquidity added to it");
        _assertV4Empty();
    }

    /// @dev Mainnet's USDC/WETH order: WETH is the V3 token1, but native ETH sorts first in V4, so the amounts, the
    /// initial price and the minimums all flip.
    function test_Migrate_WethAsToken1IntoANewNativePool() public {
        address low = address(0x1000);
        deployCodeTo("test/mocks/MockERC20.sol:MockERC20", abi.encode("LOW", uint8(18)), low);
        // 1 WETH = 2,000 LOW, token0 = LOW: price (WETH per LOW) 1/2000.
        uint160 v3Price = uint160(_sqrt((uint256(1) << 192) / 2000));
        INpm(V3_NPM).createAndInitializePoolIfNecessary(low, WETH, FEE_MEDIUM, v3Price);
        MockERC20(low).mint(alice, 2000 ether);
        deal(WETH, alice, IERC20(WETH).balanceOf(alice) + 1 ether);
        vm.startPrank(alice);
        IERC20(low).approve(V3_NPM, 2000 ether);
        IERC20(WETH).approve(V3_NPM, 1 ether);
        (uint256 v3Id,,,) = INpm(V3_NPM)
            .mint(
                IFerryNpm.MintParams({
                token0: low,
                token1: WETH,
                fee: FEE_MEDIUM,
                tickLower: FULL_RANGE_LOWER_3000,
                tickUpper: FULL_RANGE_UPPER_3000,
                amount0Desired: 2000 ether,
                amount1Desired: 1 ether,
                amount0Min: 0,
                amount1Min: 0,
                recipient: alice,
                deadline: _deadline()
            })
            );
        vm.stopPrank();
        PoolKey memory key = PoolKey({
            currency0: Currency.wrap(address(0)),
            currency1: Currency.wrap(low),
            fee: 3000,
            tickSpacing: 60,
            hooks: IHooks(address(0))
        });
        // ETH-first price: 2,000 LOW per ETH.
        uint160 v4Price = uint160((uint256(1) << 192) / v3Price);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.destination = _fullRangeDestination(key, v4Price);
        params.destination.amount0MinDeposited = 0.99 ether;
        params.destination.amount1MinDeposited = 1980 ether;
        uint256 eth0 = alice.balance;
        uint256 low0 = IERC20(low).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        assertEq(_v4Price(key), v4Price, "initialised at the inverted V3 price");
        assertEq(m.token0, address(0), "event: ETH is currency0");
        assertEq(m.token1, low, "event: LOW is currency1");
        assertApproxEqAbs(m.amount0Withdrawn, 1 ether, 1e6, "event: the WETH, now amount0");
        assertApproxEqAbs(m.amount1Withdrawn, 2000 ether, 1e9, "event: the LOW, now amount1");
        assertGe(m.amount0Deposited, 0.99 ether, "ETH deposited");
        assertEq(alice.balance - eth0, m.amount0Refunded, "ETH leftover reached alice");
        assertEq(IERC20(low).balanceOf(alice) - low0, m.amount1Refunded, "LOW leftover reached alice");
        assertEq(IERC20(low).balanceOf(V4_POSITION_MANAGER), 0, "no LOW left in the PositionManager");
        _assertV4Empty();
    }

    function test_Migrate_PermitFrontRunStillMigrates() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        IMigrator.PermitSignature memory p = params.permit;
        vm.prank(makeAddr("front-runner"));
        INpmPermitCall(V3_NPM).permit(address(migrator), v3Id, p.deadline, p.v, p.r, p.s);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _v3ToV4Batch(params), false)[0];

        assertEq(m.sourceId, v3Id, "migrated despite the used permit");
    }

    // ---------------------------------------------------------------- refusals

    function test_RevertWhen_CallerNamesAnotherUsersApprovedPosition() public {
        uint256 victimId = _mintV3FullRange(alice);
        vm.prank(alice);
        INpm(V3_NPM).approve(address(migrator), victimId);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params =
            _v3ToV4Params(bobKey, victimId, 10_000, "WETH_USDC_3000");

        vm.expectRevert(abi.encodeWithSelector(IMigrator.PositionNotOwned.selector, V3_NPM, victimId, alice));
        vm.prank(bob);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_NoPermitNorApproval() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.permit.deadline = 0;

        vm.expectRevert(abi.encodeWithSelector(IMigrator.PositionNotApproved.selector, V3_NPM, v3Id));
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_RouteCalledDirectly() public {
        uint256 v3Id = _mintV3FullRange(alice);
        bytes memory params = abi.encode(_v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000"));
        address route = migrator.UNISWAP_V3_TO_V4_ROUTE();

        vm.expectRevert(IDelegatedRoute.DelegateCallOnly.selector);
        vm.prank(alice);
        IDelegatedRoute(route).migrate(params, false);
    }

    function test_RevertWhen_PoolPriceOutsideBounds() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        uint160 price = _v4Price(params.destination.poolKey);
        params.destination.sqrtPriceX96Min = price + 1;
        params.destination.sqrtPriceX96Max = price * 2;

        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV4DepositRoute.V4PoolPriceOutOfBounds.selector,
                PoolId.unwrap(params.destination.poolKey.toId()),
                price,
                price + 1,
                price * 2
            )
        );
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_PoolCurrenciesDiffer() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "DAI_USDC_100");

        vm.expectRevert(abi.encodeWithSelector(IUniswapV4DepositRoute.CurrencyMismatch.selector, WETH, USDC, DAI, USDC));
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }
}

interface IV4PositionManagerApprove {
    function approve(address spender, uint256 tokenId) external;
}

interface INpmPermitCall {
    function permit(address spender, uint256 tokenId, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external payable;
}
