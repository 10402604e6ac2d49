// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV2ToV3Route} from "../../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {AaveMigratorTest} from "../base/AaveMigratorTest.sol";
import {IV3MigratorMulticall} from "../base/ProtocolInterfaces.sol";
import {Signatures} from "../base/Signatures.sol";
import {IUniswapV2Router02} from "../utils/interfaces/IUniswapV2.sol";
import {INonfungiblePositionManager as INpm, IV3Migrator} from "../utils/interfaces/IUniswapV3.sol";
import {AaveMigrationFloor} from "./AaveMigrationFloor.sol";
import {MigrationFloor} from "./MigrationFloor.sol";
import {console} from "forge-std/console.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Ferry vs Uniswap's V3Migrator vs the manual path, on the same world and the same position; for Aave
/// V2 → V3, Ferry vs the protocol floor (the same Aave calls, no checks) and the manual path.
/// @dev Run with `--isolate` (`npm run bench:gas`) so each call is its own transaction with realistic cold/warm
/// access and refunds. Each case restores the same state before every contender.
contract MigratorGasTest is AaveMigratorTest {
    uint24 internal constant FEE_HIGH = 10_000;
    /// @dev A fixed deadline keeps the signed bytes, hence calldata gas, independent of when the world was built.
    uint256 internal constant FIXED_DEADLINE = 2_000_000_000;

    struct Row {
        string name;
        uint256 ferry;
        uint256 v3Migrator;
        uint256 manual;
        /// @dev The protocol calls alone (MigrationFloor); zero where it does not apply.
        uint256 floor;
    }

    struct LendingRow {
        string name;
        /// @dev Supplies plus debts moved: Ferry's overhead over the floor is compared per reserve.
        uint256 reserves;
        uint256 ferry;
        uint256 manual;
        /// @dev The Aave calls alone (AaveMigrationFloor); zero where it does not apply.
        uint256 floor;
    }

    Row[] internal rows;
    uint256 internal heldTokenId;
    MigrationFloor internal floor;
    AaveMigrationFloor internal aaveFloor;

    function test_Gas_Table() public {
        floor = new MigrationFloor(INonfungiblePositionManager(V3_NPM), WETH, USDC);
        uint256 coldMigrator = _ferryOnce("Migrator_v2ToV3_full_coldMigrator", alice, aliceKey, FEE_MEDIUM, 10_000);
        _warmUpMigrator();
        heldTokenId = _holdNft(alice);
        _case("100% full range, NFT held, new NFT", alice, aliceKey, FEE_MEDIUM, 10_000, false, "v2ToV3_full");
        _case(
            "100% full range, added to the held NFT", alice, aliceKey, FEE_MEDIUM, 10_000, true, "v2ToV3_full_addToNft"
        );
        _firstNftCase();
        _case("50% full range with refund", alice, aliceKey, FEE_MEDIUM, 5000, false, "v2ToV3_half");
        _case("new pool created (1% tier)", alice, aliceKey, FEE_HIGH, 10_000, false, "v2ToV3_newPool");
        uint256 marginal = _batchMarginal();

        console.log(
            "| case | Ferry | V3Migrator multicall(selfPermit, migrate) | manual (separate txs) | protocol floor | Ferry/V3Migrator | floor/V3Migrator |"
        );
        console.log("|---|---|---|---|---|---|---|");
        for (uint256 i; i < rows.length; ++i) {
            Row memory row = rows[i];
            console.log(
                string.concat(
                    string.concat(
                        "| ",
                        row.name,
                        " | ",
                        vm.toString(row.ferry),
                        " | ",
                        vm.toString(row.v3Migrator),
                        " | ",
                        vm.toString(row.manual),
                        " | "
                    ),
                    row.floor == 0 ? "-" : vm.toString(row.floor),
                    " | ",
                    _ratio(row.ferry, row.v3Migrator),
                    " | ",
                    row.floor == 0 ? "-" : _ratio(row.floor, row.v3Migrator),
                    " |"
                )
            );
        }
        console.log(
            string.concat("| each extra position in a batch | ", vm.toString(marginal), " | - | - | - | - | - |")
        );
        console.log(
            string.concat(
                "| 100% full range, first migration through a new Migrator (2 standing approvals) | ",
                vm.toString(coldMigrator),
                " | - | - | - | - | - |"
            )
        );
        assertLt(rows[0].ferry, rows[0].v3Migrator, "Ferry minting a new NFT costs less than V3Migrator");
        assertLe(rows[1].ferry * 100, rows[1].v3Migrator * 90, "Ferry adding to the held NFT <= 0.90x V3Migrator");
        assertLt(rows[1].ferry, rows[1].manual, "Ferry costs less than the manual path");
    }

    /// @dev Aave V2 → V3 on the demo positions: alice supplies WETH (then also USDC and WBTC), bob supplies WETH
    /// and owes USDC at the variable rate, carol supplies WBTC and owes DAI at the stable rate.
    function test_Gas_AaveV2ToV3Table() public {
        aaveFloor = new AaveMigrationFloor(aaveV2, aaveV3);
        LendingRow[] memory lending = new LendingRow[](5);
        lending[0] = _lendingCase("supply only, 1 reserve", aliceKey, _assets(WETH), _noAssets(), "supply1");
        lending[1] = _lendingCase("variable debt (WETH / USDC)", bobKey, _assets(WETH), _assets(USDC), "variableDebt");
        lending[2] = _lendingCase("stable debt (WBTC / DAI)", carolKey, _assets(WBTC), _assets(DAI), "stableDebt");
        lending[4] = _mixedBatchCase();
        _depositV2(alice, USDC, 10_000e6);
        _depositV2(alice, WBTC, 1e8);
        address[] memory three = new address[](3);
        (three[0], three[1], three[2]) = (WETH, USDC, WBTC);
        lending[3] = _lendingCase("supply only, 3 reserves", aliceKey, three, _noAssets(), "supply3");

        console.log(
            "| Aave V2 -> V3 case | Ferry (1 tx) | protocol floor | (Ferry - floor) per reserve moved | manual (separate txs) | Ferry/manual |"
        );
        console.log("|---|---|---|---|---|---|");
        for (uint256 i; i < lending.length; ++i) {
            LendingRow memory row = lending[i];
            bool hasFloor = row.floor != 0;
            console.log(
                string.concat(
                    string.concat("| ", row.name, " | ", vm.toString(row.ferry), " | "),
                    hasFloor ? vm.toString(row.floor) : "-",
                    " | ",
                    hasFloor ? vm.toString((row.ferry - row.floor) / row.reserves) : "-",
                    string.concat(" | ", vm.toString(row.manual), " | ", _ratio(row.ferry, row.manual), " |")
                )
            );
            if (hasFloor) assertLt(row.floor, row.ferry, string.concat("the floor costs less: ", row.name));
            // The manual path costs fewer checks but needs the whole debt in the wallet and leaves a window with
            // no position anywhere; Ferry stays within 1.3x of it.
            assertLe(
                lending[i].ferry * 10, lending[i].manual * 13, string.concat("Ferry <= 1.3x manual: ", lending[i].name)
            );
        }
    }

    function _lendingCase(
        string memory name,
        uint256 key,
        address[] memory collateral,
        address[] memory debt,
        string memory snapshotName
    ) internal returns (LendingRow memory row) {
        address user = vm.addr(key);
        uint256 snapshot = vm.snapshotState();
        row.name = name;
        IMigrator.Position[] memory positions = _aaveBatch(_signedParams(key, collateral, debt));
        vm.prank(user);
        migrator.migrate(positions, FIXED_DEADLINE, false);
        row.ferry = vm.snapshotGasLastCall(string.concat("Migrator_aaveV2ToV3_", snapshotName));
        vm.revertToState(snapshot);
        row.reserves = collateral.length + debt.length;
        row.floor = _aaveFloorCase(key, collateral, debt, snapshotName);
        vm.revertToState(snapshot);
        row.manual = _manualAave(user, collateral, debt);
        vm.snapshotValue(string.concat("Manual_aaveV2ToV3_", snapshotName), row.manual);
        vm.revertToState(snapshot);
    }

    /// @dev Bob's V2 LP and his Aave position in one call, against both manual paths.
    function _mixedBatchCase() internal returns (LendingRow memory row) {
        uint256 snapshot = vm.snapshotState();
        row.name = "mixed batch: V2 LP -> V3 + Aave with debt";
        IMigrator.Position[] memory positions = new IMigrator.Position[](2);
        positions[0] = _position(_permittedParams(wethUsdcPair, bobKey, FEE_MEDIUM, 10_000));
        positions[1] = _aavePosition(_signedParams(bobKey, _assets(WETH), _assets(USDC)));
        vm.prank(bob);
        migrator.migrate(positions, FIXED_DEADLINE, false);
        row.ferry = vm.snapshotGasLastCall("Migrator_mixedBatch_v2ToV3_aaveV2ToV3");
        vm.revertToState(snapshot);
        row.manual = _manually(bob, bobKey, FEE_MEDIUM, 10_000, 0) + _manualAave(bob, _assets(WETH), _assets(USDC));
        vm.snapshotValue("Manual_mixedBatch_v2ToV3_aaveV2ToV3", row.manual);
        vm.revertToState(snapshot);
    }

    /// @dev The same migration through AaveMigrationFloor, signed for it, with the amounts read in the same block.
    function _aaveFloorCase(uint256 key, address[] memory collateral, address[] memory debt, string memory snapshotName)
        internal
        returns (uint256 gasUsed)
    {
        address user = vm.addr(key);
        AaveMigrationFloor.Supply[] memory supplies = new AaveMigrationFloor.Supply[](collateral.length);
        for (uint256 i; i < collateral.length; ++i) {
            address aToken = _v2Token(collateral[i], ".aToken");
            uint256 amount = _v2Supply(user, collateral[i]);
            IMigrator.PermitSignature memory permit =
                Signatures.aTokenPermit(key, aToken, address(aaveFloor), _withBuffer(amount), FIXED_DEADLINE);
            supplies[i] = AaveMigrationFloor.Supply(collateral[i], aToken, amount, permit);
        }
        AaveMigrationFloor.Debt[] memory debts = new AaveMigrationFloor.Debt[](debt.length);
        for (uint256 i; i < debt.length; ++i) {
            address v3DebtToken = _v3Token(debt[i], ".variableDebtToken");
            uint256 stableDebt = IERC20(_v2Token(debt[i], ".stableDebtToken")).balanceOf(user);
            uint256 variableDebt = IERC20(_v2Token(debt[i], ".variableDebtToken")).balanceOf(user);
            IMigrator.PermitSignature memory delegation = Signatures.creditDelegation(
                key, v3DebtToken, address(aaveFloor), _withBuffer(stableDebt + variableDebt), FIXED_DEADLINE
            );
            debts[i] = AaveMigrationFloor.Debt(debt[i], v3DebtToken, stableDebt, variableDebt, delegation);
        }
        vm.prank(user);
        aaveFloor.migrate(supplies, debts);
        gasUsed = vm.snapshotGasLastCall(string.concat("Floor_aaveV2ToV3_", snapshotName));
        for (uint256 i; i < collateral.length; ++i) {
            assertEq(_v2Supply(user, collateral[i]), 0, "the floor moved the supply");
        }
        for (uint256 i; i < debt.length; ++i) {
            assertEq(_v2Debt(user, debt[i]), 0, "the floor moved the debt");
        }
    }

    /// @dev What a user sends without Ferry, from a wallet that can repay: per debt approve + repay (per rate
    /// mode), per supply withdraw + approve + supply, per debt the V3 borrow.
    function _manualAave(address user, address[] memory collateral, address[] memory debt)
        internal
        returns (uint256 total)
    {
        uint256[] memory debts = new uint256[](debt.length);
        for (uint256 i; i < debt.length; ++i) {
            debts[i] = _v2Debt(user, debt[i]);
            total += _send(user, debt[i], abi.encodeCall(IERC20.approve, (AAVE_V2_POOL, debts[i])));
            for (uint256 mode = STABLE; mode <= VARIABLE; ++mode) {
                string memory kind = mode == STABLE ? ".stableDebtToken" : ".variableDebtToken";
                if (IERC20(_v2Token(debt[i], kind)).balanceOf(user) == 0) continue;
                total += _send(
                    user, AAVE_V2_POOL, abi.encodeCall(aaveV2.repay, (debt[i], type(uint256).max, mode, user))
                );
            }
        }
        for (uint256 i; i < collateral.length; ++i) {
            uint256 amount = _v2Supply(user, collateral[i]);
            total += _send(user, AAVE_V2_POOL, abi.encodeCall(aaveV2.withdraw, (collateral[i], amount, user)));
            total += _send(user, collateral[i], abi.encodeCall(IERC20.approve, (AAVE_V3_POOL, amount)));
            total += _send(user, AAVE_V3_POOL, abi.encodeCall(aaveV3.supply, (collateral[i], amount, user, 0)));
        }
        for (uint256 i; i < debt.length; ++i) {
            total += _send(user, AAVE_V3_POOL, abi.encodeCall(aaveV3.borrow, (debt[i], debts[i], VARIABLE, 0, user)));
        }
        assertEq(_v2Debt(user, debt.length == 0 ? WETH : debt[0]), 0, "manual path repaid V2");
    }

    /// @dev One transaction from `user`; returns its gas.
    function _send(address user, address to, bytes memory data) internal returns (uint256) {
        vm.prank(user);
        (bool ok,) = to.call(data);
        assertTrue(ok, "manual step succeeded");
        return vm.lastCallGas().gasTotalUsed;
    }

    function _case(
        string memory name,
        address user,
        uint256 key,
        uint24 fee,
        uint16 bps,
        bool addToHeldNft,
        string memory snapshotName
    ) internal {
        uint256 snapshot = vm.snapshotState();
        Row memory row;
        row.name = name;
        uint256 tokenId = addToHeldNft ? heldTokenId : 0;
        row.ferry = _ferry(string.concat("Migrator_", snapshotName), user, key, fee, bps, tokenId);
        vm.revertToState(snapshot);
        row.v3Migrator = _viaV3Migrator(user, key, fee, bps, snapshotName);
        vm.revertToState(snapshot);
        row.manual = _manually(user, key, fee, bps, tokenId);
        vm.revertToState(snapshot);
        if (tokenId == 0 && fee == FEE_MEDIUM) {
            row.floor = _floor(user, key, bps, snapshotName);
            vm.revertToState(snapshot);
        }
        rows.push(row);
    }

    /// @dev The same position, held by a fresh account without any V3 NFT.
    function _firstNftCase() internal {
        (address dave, uint256 daveKey) = makeAddrAndKey("dave");
        uint256 snapshot = vm.snapshotState();
        vm.startPrank(alice);
        IERC20(wethUsdcPair).transfer(dave, IERC20(wethUsdcPair).balanceOf(alice));
        vm.stopPrank();
        assertEq(INpm(V3_NPM).balanceOf(dave), 0, "dave holds no NFT");
        _case("100% full range, first NFT", dave, daveKey, FEE_MEDIUM, 10_000, false, "v2ToV3_full_firstNft");
        // Reverting the transfer also drops the row: keep it across the revert.
        Row memory row = rows[rows.length - 1];
        vm.revertToState(snapshot);
        rows.push(row);
    }

    function _ferryOnce(string memory snapshotName, address user, uint256 key, uint24 fee, uint16 bps)
        internal
        returns (uint256 gasUsed)
    {
        uint256 snapshot = vm.snapshotState();
        gasUsed = _ferry(snapshotName, user, key, fee, bps, 0);
        vm.revertToState(snapshot);
    }

    function _ferry(string memory snapshotName, address user, uint256 key, uint24 fee, uint16 bps, uint256 tokenId)
        internal
        returns (uint256)
    {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _permittedParams(wethUsdcPair, key, fee, bps);
        params.tokenId = tokenId;
        IMigrator.Position[] memory positions = _batch(params);
        uint256 deadline = _deadline();
        vm.prank(user);
        migrator.migrate(positions, deadline, false);
        return vm.snapshotGasLastCall(snapshotName);
    }

    /// @dev The same migration through MigrationFloor: the protocol calls with nothing around them.
    function _floor(address user, uint256 key, uint16 bps, string memory snapshotName)
        internal
        returns (uint256 gasUsed)
    {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, user, FEE_MEDIUM, bps);
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(user) * bps / 10_000;
        IMigrator.PermitSignature memory permit = _signPermit(key, wethUsdcPair, address(floor), lpAmount);
        INonfungiblePositionManager.MintParams memory mint;
        (mint.token0, mint.token1, mint.fee) = (params.token0, params.token1, FEE_MEDIUM);
        (mint.tickLower, mint.tickUpper, mint.deadline) = (params.tickLower, params.tickUpper, _deadline());
        uint256 nfts = INpm(V3_NPM).balanceOf(user);
        vm.prank(user);
        floor.migrate(IUniswapV2Pair(wethUsdcPair), lpAmount, permit.deadline, permit.v, permit.r, permit.s, mint);
        gasUsed = vm.snapshotGasLastCall(string.concat("Floor_", snapshotName));
        assertEq(INpm(V3_NPM).balanceOf(user), nfts + 1, "the floor minted a position");
    }

    /// @dev Steady state: earlier users (bob, carol) have migrated a little of every world pair, so the Migrator's
    /// standing approvals to the position manager exist (the cold-Migrator row shows the one-off cost).
    function _warmUpMigrator() internal {
        uint256 deadline = _deadline();
        IMigrator.Position[] memory positions = new IMigrator.Position[](2);
        positions[0] = _position(_permittedParams(v2Pair("DAI_USDC"), carolKey, 100, 1000));
        positions[1] = _position(_permittedParams(v2Pair("WBTC_WETH"), carolKey, FEE_MEDIUM, 1000));
        vm.prank(carol);
        migrator.migrate(positions, deadline, false);
        positions = _batch(_permittedParams(wethUsdcPair, bobKey, FEE_MEDIUM, 1000));
        vm.prank(bob);
        migrator.migrate(positions, deadline, false);
    }

    function _viaV3Migrator(address user, uint256 key, uint24 fee, uint16 bps, string memory snapshotName)
        internal
        returns (uint256 gasUsed)
    {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, user, fee, bps);
        bool newPool = _pool(params.token0, params.token1, fee).code.length == 0;
        bytes[] memory calls = new bytes[](newPool ? 3 : 2);
        if (newPool) {
            calls[0] = abi.encodeCall(
                INonfungiblePositionManager.createAndInitializePoolIfNecessary,
                (
                    params.token0,
                    params.token1,
                    fee,
                    _referenceSqrtPrice(wethUsdcPair, params.token0, params.token1, fee)
                )
            );
        }
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(user);
        IMigrator.PermitSignature memory permit = _signPermit(key, wethUsdcPair, V3_MIGRATOR, lpAmount);
        calls[calls.length - 2] = abi.encodeCall(
            IV3MigratorMulticall.selfPermit, (wethUsdcPair, lpAmount, permit.deadline, permit.v, permit.r, permit.s)
        );
        calls[calls.length - 1] = _v3MigrateCall(params, user, lpAmount, bps);
        vm.prank(user);
        IV3MigratorMulticall(V3_MIGRATOR).multicall(calls);
        gasUsed = vm.snapshotGasLastCall(string.concat("V3Migrator_", snapshotName));
        assertGt(INpm(V3_NPM).balanceOf(user), 0, "V3Migrator minted a position");
    }

    function _v3MigrateCall(
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params,
        address user,
        uint256 lpAmount,
        uint16 bps
    ) internal view returns (bytes memory) {
        return abi.encodeCall(
            IV3Migrator.migrate,
            (IV3Migrator.MigrateParams({
                    pair: wethUsdcPair,
                    liquidityToMigrate: lpAmount,
                    percentageToMigrate: uint8(bps / 100),
                    token0: params.token0,
                    token1: params.token1,
                    fee: params.fee,
                    tickLower: params.tickLower,
                    tickUpper: params.tickUpper,
                    amount0Min: 0,
                    amount1Min: 0,
                    recipient: user,
                    deadline: _deadline(),
                    refundAsETH: false
                }))
        );
    }

    /// @dev removeLiquidityWithPermit, two approvals and the mint: four transactions (pool creation adds one).
    function _manually(address user, uint256 key, uint24 fee, uint16 bps, uint256 tokenId)
        internal
        returns (uint256 total)
    {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, user, fee, bps);
        if (_pool(params.token0, params.token1, fee).code.length == 0) {
            vm.prank(user);
            INonfungiblePositionManager(V3_NPM)
                .createAndInitializePoolIfNecessary(
                    params.token0,
                    params.token1,
                    fee,
                    _referenceSqrtPrice(wethUsdcPair, params.token0, params.token1, fee)
                );
            total += vm.lastCallGas().gasTotalUsed;
        }
        (uint256 amount0, uint256 amount1) = _removeWithPermit(user, key, params.token0, params.token1, bps);
        total += vm.lastCallGas().gasTotalUsed;
        vm.prank(user);
        IERC20(params.token0).approve(V3_NPM, amount0);
        total += vm.lastCallGas().gasTotalUsed;
        vm.prank(user);
        IERC20(params.token1).approve(V3_NPM, amount1);
        total += vm.lastCallGas().gasTotalUsed;
        vm.prank(user);
        if (tokenId == 0) {
            INpm(V3_NPM)
                .mint(
                    INonfungiblePositionManager.MintParams({
                    token0: params.token0,
                    token1: params.token1,
                    fee: fee,
                    tickLower: params.tickLower,
                    tickUpper: params.tickUpper,
                    amount0Desired: amount0,
                    amount1Desired: amount1,
                    amount0Min: 0,
                    amount1Min: 0,
                    recipient: user,
                    deadline: _deadline()
                })
                );
        } else {
            INonfungiblePositionManager(V3_NPM)
                .increaseLiquidity(
                    INonfungiblePositionManager.IncreaseLiquidityParams(tokenId, amount0, amount1, 0, 0, _deadline())
                );
        }
        total += vm.lastCallGas().gasTotalUsed;
    }

    function _removeWithPermit(address user, uint256 key, address token0, address token1, uint16 bps)
        internal
        returns (uint256, uint256)
    {
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(user) * bps / 10_000;
        IMigrator.PermitSignature memory permit = _signPermit(key, wethUsdcPair, V2_ROUTER, lpAmount);
        vm.prank(user);
        return IUniswapV2Router02(V2_ROUTER)
            .removeLiquidityWithPermit(
                token0, token1, lpAmount, 0, 0, user, permit.deadline, false, permit.v, permit.r, permit.s
            );
    }

    /// @dev Gas of one, two and three positions in one call; returns the average cost of each extra one.
    function _batchMarginal() internal returns (uint256) {
        address[3] memory pairs = [wethUsdcPair, v2Pair("DAI_USDC"), v2Pair("WBTC_WETH")];
        uint24[3] memory fees = [FEE_MEDIUM, uint24(100), FEE_MEDIUM];
        uint256[4] memory gasUsed;
        for (uint256 n = 1; n <= 3; ++n) {
            uint256 snapshot = vm.snapshotState();
            IMigrator.Position[] memory positions = new IMigrator.Position[](n);
            for (uint256 i; i < n; ++i) {
                positions[i] = _position(_permittedParams(pairs[i], aliceKey, fees[i], 10_000));
            }
            uint256 deadline = _deadline();
            vm.prank(alice);
            migrator.migrate(positions, deadline, false);
            gasUsed[n] = vm.snapshotGasLastCall(string.concat("Migrator_v2ToV3_batch", vm.toString(n)));
            vm.revertToState(snapshot);
        }
        return (gasUsed[3] - gasUsed[1]) / 2;
    }

    function _deadline() internal pure override returns (uint256) {
        return FIXED_DEADLINE;
    }

    function _ratio(uint256 numerator, uint256 denominator) internal pure returns (string memory) {
        uint256 thousandths = numerator * 1000 / denominator;
        string memory fraction = vm.toString(thousandths % 1000);
        while (bytes(fraction).length < 3) fraction = string.concat("0", fraction);
        return string.concat(vm.toString(thousandths / 1000), ".", fraction, "x");
    }
}
