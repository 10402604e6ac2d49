// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IDelegatedRoute} from "../src/interfaces/routes/IDelegatedRoute.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {SqrtPriceMath} from "../src/libraries/SqrtPriceMath.sol";
import {MigratorTest} from "./base/MigratorTest.sol";
import {IERC721Safe, IPeripheryPaymentsSweep, IUniswapV3FactoryCreate} from "./base/ProtocolInterfaces.sol";
import {EthRejectingWallet} from "./mocks/EthRejectingWallet.sol";
import {IUniswapV2Factory} from "./utils/interfaces/IUniswapV2.sol";
import {INonfungiblePositionManager as INpm, IUniswapV3Factory} from "./utils/interfaces/IUniswapV3.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

contract MigratorUnitTest is MigratorTest {
    uint24 internal constant FEE_HIGH = 10_000;

    // ---------------------------------------------------------------- deployment

    function test_Deployment_IsBuiltForTheWorld() public view {
        assertEq(migrator.WETH(), WETH, "WETH");
        assertEq(migrator.V2_FACTORY(), V2_FACTORY, "V2 factory");
        assertEq(migrator.V3_FACTORY(), V3_FACTORY, "V3 factory");
        assertEq(migrator.POSITION_MANAGER(), V3_NPM, "position manager");
        assertEq(migrator.GUARDIAN(), guardian, "guardian");
        assertFalse(migrator.paused(), "starts unpaused");
    }

    /// @dev The CREATE2 derivation the Migrator uses stands in for `factory.getPair`: prove they agree.
    function test_Deployment_PairDerivationEqualsFactoryGetPair() public {
        string[3] memory names = ["WETH_USDC", "DAI_USDC", "WBTC_WETH"];
        for (uint256 i; i < names.length; ++i) {
            address pair = v2Pair(names[i]);
            address token0 = IUniswapV2Pair(pair).token0();
            address token1 = IUniswapV2Pair(pair).token1();
            assertEq(IUniswapV2Factory(V2_FACTORY).getPair(token0, token1), pair, "world pair is the factory's");
            // A derivation mismatch would surface as PairNotFound; a matching one reaches the allowance check.
            IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(pair, carol, FEE_MEDIUM, 0);
            params.lpAmount = 1;
            vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, pair, 0, 1));
            vm.prank(carol);
            migrator.migrate(_batch(params), _deadline(), false);
        }
    }

    // ---------------------------------------------------------------- happy paths

    function test_Migrate_FullRangeIntoExistingPool() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), 0, "all LP migrated");
        assertEq(m.sourceAmount, lpBefore, "event: LP burned");
        assertEq(m.destination, bytes32(uint256(uint160(v3Pool("WETH_USDC_3000")))), "event: destination pool");
        assertEq(m.positionManager, V3_NPM, "event: the position manager");
        assertEq(INpm(V3_NPM).ownerOf(m.tokenId), alice, "alice owns the new position");
        (,, address token0, address token1, uint24 fee, int24 lower, int24 upper, uint128 liquidity,,,,) =
            INpm(V3_NPM).positions(m.tokenId);
        assertEq(token0, WETH, "position token0");
        assertEq(token1, USDC, "position token1");
        assertEq(fee, FEE_MEDIUM, "position fee");
        assertEq(lower, FULL_RANGE_LOWER_3000, "position lower tick");
        assertEq(upper, FULL_RANGE_UPPER_3000, "position upper tick");
        assertEq(liquidity, m.liquidity, "event: liquidity");
        assertGt(liquidity, 0, "position has liquidity");
        assertGe(m.amount0Withdrawn, params.amount0MinWithdrawn, "withdrawal minimum token0");
        assertGe(m.amount1Withdrawn, params.amount1MinWithdrawn, "withdrawal minimum token1");
        assertEq(m.amount0Withdrawn, m.amount0Deposited + m.amount0Refunded, "token0 withdrawn = deposited + refunded");
        assertEq(m.amount1Withdrawn, m.amount1Deposited + m.amount1Refunded, "token1 withdrawn = deposited + refunded");
        assertEq(IERC20(WETH).balanceOf(alice) - weth0, m.amount0Refunded, "alice received the WETH refund");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "alice received the USDC refund");
        assertFalse(m.refundedAsEth, "no unwrap requested");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function test_Migrate_HalfByPercentage_RefundsOutOfRangeToken() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 5000);
        // A range entirely above the current price takes only token0: all token1 is refunded.
        (, int24 tick,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_3000")).slot0();
        params.tickLower = (tick / 60 + 10) * 60;
        params.tickUpper = params.tickLower + 600;
        params.amount1MinDeposited = 0;
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(m.sourceAmount, lpBefore / 2, "event: half the LP burned");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), lpBefore - lpBefore / 2, "half the LP stays");
        assertEq(m.amount1Deposited, 0, "no token1 in a range above the price");
        assertEq(m.amount1Refunded, m.amount1Withdrawn, "all token1 refunded");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Withdrawn, "alice received all USDC");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function test_Migrate_ExplicitLpAmount_WithStandingApproval() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 0);
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        params.lpAmount = lpBefore / 3;
        vm.prank(alice);
        IUniswapV2Pair(wethUsdcPair).approve(address(migrator), params.lpAmount);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(m.sourceAmount, lpBefore / 3, "event: the explicit LP amount");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), lpBefore - lpBefore / 3, "the rest stays");
        assertEq(IUniswapV2Pair(wethUsdcPair).allowance(alice, address(migrator)), 0, "approval used up");
    }

    function test_Migrate_UnwrapsWethRefund() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        // A range below the price takes only token1 (USDC): all WETH is refunded.
        (, int24 tick,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_3000")).slot0();
        params.tickUpper = (tick / 60 - 10) * 60;
        params.tickLower = params.tickUpper - 600;
        params.amount0MinDeposited = 0;
        uint256 eth0 = alice.balance;
        uint256 weth0 = IERC20(WETH).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), true)[0];

        assertGt(m.amount0Refunded, 0, "WETH refunded");
        assertTrue(m.refundedAsEth, "event: refunded as ETH");
        assertEq(alice.balance - eth0, m.amount0Refunded, "alice received the refund as ETH");
        assertEq(IERC20(WETH).balanceOf(alice), weth0, "no WETH sent");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    /// @dev A contract wallet migrates through a plain approval; asking for ETH it cannot receive reverts cleanly.
    function test_RevertWhen_EthRefundRejectedByContractWallet() public {
        address wallet = address(new EthRejectingWallet());
        vm.startPrank(alice);
        IERC20(wethUsdcPair).transfer(wallet, IERC20(wethUsdcPair).balanceOf(alice));
        vm.stopPrank();
        vm.prank(wallet);
        IUniswapV2Pair(wethUsdcPair).approve(address(migrator), type(uint256).max);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _fullRangeParams(wethUsdcPair, wallet, FEE_MEDIUM, 10_000);
        (, int24 tick,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_3000")).slot0();
        params.tickUpper = (tick / 60 - 10) * 60; // below the price: all WETH comes back
        params.tickLower = params.tickUpper - 600;
        uint256 wethRefund = _dryRun(wallet, params).amount0Refunded;
        assertGt(wethRefund, 0, "precondition: a WETH refund");

        vm.expectRevert(abi.encodeWithSelector(IMigrator.EthTransferFailed.selector, wallet, wethRefund));
        vm.prank(wallet);
        migrator.migrate(_batch(params), _deadline(), true);

        assertEq(_migrate(wallet, _batch(params), false)[0].amount0Refunded, wethRefund, "WETH refund as WETH works");
    }

    function test_Migrate_CreatesMissingPoolAtV2Price() public {
        address pool = _pool(WETH, USDC, FEE_HIGH);
        assertEq(pool.code.length, 0, "precondition: no 1% pool");
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_HIGH, 10_000);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(_destinationPool(m), pool, "event: the new pool");
        assertEq(IUniswapV3Factory(V3_FACTORY).getPool(WETH, USDC, FEE_HIGH), pool, "pool created by the factory");
        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(wethUsdcPair).getReserves();
        uint256 v2SqrtPrice = _sqrt(uint256(reserve1) * 2 ** 96 / reserve0 * 2 ** 96);
        assertApproxEqRel(sqrtPriceX96, v2SqrtPrice, 1e12, "initialised at the V2 price");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function test_Migrate_InitialisesCreatedButUninitialisedPool() public {
        address pool = IUniswapV3FactoryCreate(V3_FACTORY).createPool(WETH, USDC, FEE_HIGH);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_HIGH, 10_000);
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(wethUsdcPair).getReserves();

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
        // Priced after the burn from what the pair kept plus what it paid: exactly the price before it.
        assertEq(sqrtPriceX96, SqrtPriceMath.fromReserves(reserve0, reserve1), "initialised at the pair's price");
        assertGe(sqrtPriceX96, params.sqrtPriceX96Min, "initialised within bounds (low)");
        assertLe(sqrtPriceX96, params.sqrtPriceX96Max, "initialised within bounds (high)");
        assertGt(m.liquidity, 0, "minted into the pool");
    }

    /// @dev `PeripheryPayments.pay` settles a WETH leg with ETH the position manager holds instead of pulling the
    /// Migrator's WETH; a strict balance check used to revert every WETH-pair migration until someone swept it.
    function test_Migrate_StrayEthInPositionManagerIsNoDenialOfService() public {
        uint256 stray = 10_000 ether;
        vm.deal(bob, stray);
        vm.prank(bob); // a payable call that keeps the ETH it did not use
        IPeripheryPaymentsSweep(V3_NPM).sweepToken{value: stray}(USDC, 0, bob);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(m.token0, WETH, "precondition: WETH is token0");
        assertGt(m.amount0Deposited, 0, "a WETH deposit");
        assertEq(V3_NPM.balance, stray - m.amount0Deposited, "the position manager paid the WETH leg with its ETH");
        assertEq(m.amount0Refunded, m.amount0Withdrawn, "so all the withdrawn WETH is refunded");
        assertEq(IERC20(WETH).balanceOf(alice) - weth0, m.amount0Refunded, "alice received the WETH refund");
        assertEq(m.amount1Withdrawn, m.amount1Deposited + m.amount1Refunded, "USDC withdrawn = deposited + refunded");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "alice received the USDC refund");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function test_Migrate_BatchOfThreePairs() public {
        IMigrator.Position[] memory positions = new IMigrator.Position[](3);
        positions[0] = _position(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        positions[1] = _position(_permittedParams(v2Pair("DAI_USDC"), aliceKey, 100, 10_000));
        positions[2] = _position(_permittedParams(v2Pair("WBTC_WETH"), aliceKey, FEE_MEDIUM, 10_000));

        IMigrator.LiquidityMigration[] memory ms = _migrate(alice, positions, false);

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), 0, "WETH/USDC LP migrated");
        assertEq(IUniswapV2Pair(v2Pair("DAI_USDC")).balanceOf(alice), 0, "DAI/USDC LP migrated");
        assertEq(IUniswapV2Pair(v2Pair("WBTC_WETH")).balanceOf(alice), 0, "WBTC/WETH LP migrated");
        for (uint256 i; i < ms.length; ++i) {
            assertEq(INpm(V3_NPM).ownerOf(ms[i].tokenId), alice, "alice owns every new position");
        }
        assertEq(_destinationPool(ms[1]), v3Pool("DAI_USDC_100"), "second position into DAI/USDC 0.01%");
        _assertMigratorEmpty(_tokens(WETH, USDC, DAI));
        assertEq(IERC20(WBTC).balanceOf(address(migrator)), 0, "Migrator holds no WBTC");
    }

    function test_Migrate_AddsToCallersExistingPosition() public {
        IMigrator.LiquidityMigration memory first =
            _migrate(alice, _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 5000)), false)[0];
        uint256 nftsBefore = INpm(V3_NPM).balanceOf(alice);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        params.tokenId = first.tokenId;

        IMigrator.LiquidityMigration memory second = _migrate(alice, _batch(params), false)[0];

        assertEq(second.tokenId, first.tokenId, "event: the existing position");
        assertEq(INpm(V3_NPM).balanceOf(alice), nftsBefore, "no new NFT");
        (,,,,,,, uint128 liquidity,,,,) = INpm(V3_NPM).positions(first.tokenId);
        assertEq(liquidity, first.liquidity + second.liquidity, "liquidity added to the position");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), 0, "all LP migrated");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function test_RevertWhen_PositionNotCallers() public {
        IMigrator.LiquidityMigration memory bobs =
            _migrate(bob, _batch(_permittedParams(wethUsdcPair, bobKey, FEE_MEDIUM, 10_000)), false)[0];
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        params.tokenId = bobs.tokenId;
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.NotPositionOwner.selector, bobs.tokenId, bob));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_PositionInAnotherRange() public {
        IMigrator.LiquidityMigration memory first =
            _migrate(alice, _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 5000)), false)[0];
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        params.tokenId = first.tokenId;
        params.tickLower += 60;
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.PositionMismatch.selector, first.tokenId));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_Migrate_LeavesOnlyPositionManagerAllowances() public {
        _migrate(alice, _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000)), false);
        assertEq(IERC20(WETH).allowance(address(migrator), V3_NPM), type(uint256).max, "standing WETH approval");
        assertGt(IERC20(USDC).allowance(address(migrator), V3_NPM), 0, "standing USDC approval");
        assertEq(IERC20(WETH).allowance(address(migrator), V3_SWAP_ROUTER), 0, "no other spender");
        assertEq(IERC20(wethUsdcPair).allowance(address(migrator), wethUsdcPair), 0, "no LP allowance");
    }

    // ---------------------------------------------------------------- guardian

    function test_SetPaused_ByGuardianBlocksAndResumes() public {
        vm.expectEmit(address(migrator));
        emit IMigrator.PausedSet(true);
        vm.prank(guardian);
        migrator.setPaused(true);
        assertTrue(migrator.paused(), "paused");

        IMigrator.Position[] memory positions = _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        vm.expectRevert(IMigrator.MigrationsPaused.selector);
        vm.prank(alice);
        migrator.migrate(positions, _deadline(), false);

        vm.prank(guardian);
        migrator.setPaused(false);
        assertEq(_migrate(alice, positions, false).length, 1, "migrates again after unpausing");
    }

    function test_RevertWhen_NonGuardianPauses() public {
        vm.expectRevert(abi.encodeWithSelector(IMigrator.NotGuardian.selector, alice));
        vm.prank(alice);
        migrator.setPaused(true);
    }

    // ---------------------------------------------------------------- input validation

    function test_RevertWhen_DeadlinePassed() public {
        IMigrator.Position[] memory positions = _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        uint256 deadline = block.timestamp - 1;
        vm.expectRevert(abi.encodeWithSelector(IMigrator.DeadlinePassed.selector, deadline, block.timestamp));
        vm.prank(alice);
        migrator.migrate(positions, deadline, false);
    }

    function test_RevertWhen_NoPositions() public {
        vm.expectRevert(IMigrator.NoPositions.selector);
        vm.prank(alice);
        migrator.migrate(new IMigrator.Position[](0), _deadline(), false);
    }

    function test_RevertWhen_RouteUnknown() public {
        IMigrator.Position[] memory positions = _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        bytes memory data = abi.encodeCall(IMigrator.migrate, (positions, _deadline(), false));
        // The route of the first position sits right after: selector, 3 head words, length, offset of item 0.
        uint256 routeOffset = 4 + 32 * 3 + 32 * 2;
        data[routeOffset + 31] = bytes1(uint8(7));
        vm.prank(alice);
        (bool ok, bytes memory reason) = address(migrator).call(data);
        assertFalse(ok, "an unknown route reverts");
        assertEq(reason.length, 0, "rejected by the ABI decoder");
    }

    function test_RevertWhen_ParamsLengthWrong() public {
        bytes memory params = abi.encode(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        bytes[2] memory wrong = [bytes.concat(params, bytes32(0)), _truncated(params, params.length - 1)];
        for (uint256 i; i < wrong.length; ++i) {
            IMigrator.Position[] memory positions = new IMigrator.Position[](1);
            positions[0] = IMigrator.Position({route: IMigrator.Route.UniswapV2ToV3, params: wrong[i]});
            vm.expectRevert(
                abi.encodeWithSelector(IDelegatedRoute.InvalidParamsLength.selector, wrong[i].length, params.length)
            );
            vm.prank(alice);
            migrator.migrate(positions, _deadline(), false);
        }
    }

    /// @dev The params are copied into memory and range-checked by hand: each narrow field one bit past its type
    /// (token0, token1, percentageBps, fee, tickLower, tickUpper, both price bounds, the permit's v) is rejected
    /// with no data, as `abi.decode` rejects it.
    function test_RevertWhen_ParamsFieldOutOfRange() public {
        uint8[9] memory words = [0, 1, 3, 6, 7, 8, 9, 10, 16];
        uint8[9] memory bits = [160, 160, 16, 24, 24, 24, 160, 160, 8];
        bytes memory valid = abi.encode(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        for (uint256 i; i < words.length; ++i) {
            bytes memory params = bytes.concat(valid);
            uint256 at = 32 * (uint256(words[i]) + 1);
            uint256 bit = bits[i];
            assembly ("memory-safe") {
                let word := add(params, at)
                mstore(word, xor(mload(word), shl(bit, 1)))
            }
            IMigrator.Position[] memory positions = new IMigrator.Position[](1);
            positions[0] = IMigrator.Position({route: IMigrator.Route.UniswapV2ToV3, params: params});
            vm.prank(alice);
            (bool ok, bytes memory reason) =
                address(migrator).call(abi.encodeCall(IMigrator.migrate, (positions, _deadline(), false)));
            assertFalse(ok, string.concat("out-of-range field reverts: word ", vm.toString(words[i])));
            assertEq(reason.length, 0, "rejected like abi.decode, with no data");
        }
    }

    function _truncated(bytes memory data, uint256 length) private pure returns (bytes memory cut) {
        cut = bytes.concat(data);
        assembly ("memory-safe") {
            mstore(cut, length)
        }
    }

    function test_RevertWhen_TokensUnsorted() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        (params.token0, params.token1) = (params.token1, params.token0);
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.PairNotFound.selector, USDC, WETH));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_PercentageAboveAll() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        params.percentageBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.InvalidPercentage.selector, 10_001));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_NothingToMigrate() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 0);
        vm.expectRevert(abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, wethUsdcPair));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_AllowanceMissing() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 10_000);
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, lpAmount));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    // ---------------------------------------------------------------- slippage

    function test_RevertWhen_WithdrawalBelowMinimum() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        (uint256 amount0, uint256 amount1) =
            _expectedWithdrawal(wethUsdcPair, IUniswapV2Pair(wethUsdcPair).balanceOf(alice));
        params.amount1MinWithdrawn = amount1 + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.WithdrawalSlippage.selector,
                amount0,
                amount1,
                params.amount0MinWithdrawn,
                amount1 + 1
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_DepositBelowMinimum() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        IMigrator.LiquidityMigration memory expected = _dryRun(alice, params);
        params.amount0MinDeposited = expected.amount0Deposited + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.DepositSlippage.selector,
                expected.amount0Deposited,
                expected.amount1Deposited,
                expected.amount0Deposited + 1,
                0
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_PoolPriceOutOfBounds() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        address pool = v3Pool("WETH_USDC_3000");
        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
        params.sqrtPriceX96Max = sqrtPriceX96 - 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                pool,
                sqrtPriceX96,
                params.sqrtPriceX96Min,
                sqrtPriceX96 - 1
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    // ---------------------------------------------------------------- ETH and NFTs

    function test_RevertWhen_EthSentDirectly() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        (bool ok, bytes memory reason) = address(migrator).call{value: 1 ether}("");
        assertFalse(ok, "plain ETH is rejected");
        assertEq(reason, abi.encodeWithSelector(IMigrator.EthNotAccepted.selector, alice), "typed rejection");
    }

    function test_RevertWhen_PositionNftSentToMigrator() public {
        IMigrator.LiquidityMigration memory m =
            _migrate(alice, _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000)), false)[0];
        vm.expectRevert(bytes("ERC721: transfer to non ERC721Receiver implementer"));
        vm.prank(alice);
        IERC721Safe(V3_NPM).safeTransferFrom(alice, address(migrator), m.tokenId);
        assertEq(INpm(V3_NPM).ownerOf(m.tokenId), alice, "alice keeps the position");
    }
}
