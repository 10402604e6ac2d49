// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAaveV3Pool} from "../../src/interfaces/external/IAaveV3Pool.sol";
import {IAaveV2ToV3Route} from "../../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {AaveV3ReserveRules} from "../../src/libraries/AaveV3ReserveRules.sol";
import {AaveMigratorTest} from "../base/AaveMigratorTest.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";

/// @dev The library's pool-reading checks as external calls, so that tests can expect their reverts.
contract AaveV3ReserveRulesHarness {
    function eModeOf(IAaveV3Pool pool, address user) external view returns (AaveV3ReserveRules.EMode memory) {
        return AaveV3ReserveRules.eModeOf(pool, user);
    }

    function requireBorrowAllowed(
        IAaveV3Pool pool,
        address asset,
        uint256 amount,
        AaveV3ReserveRules.EMode memory eMode
    ) external view returns (address) {
        return AaveV3ReserveRules.requireBorrowAllowed(pool, asset, amount, eMode);
    }
}

/// @notice `AaveV3ReserveRules` on both configuration layouts: V3.0/V3.1 (the world's pool, core-v3 1.19.3) and
/// V3.2+ (configuration words packed at aave-v3-origin's `ReserveConfiguration` bit positions, and the world's pool
/// answering V3.2's getters where the layouts differ: `getEModeCategoryBorrowableBitmap`, a zero stable debt token).
contract AaveV3ReserveRulesTest is AaveMigratorTest {
    uint8 internal constant CATEGORY = 1;

    AaveV3ReserveRulesHarness internal rules;

    function setUp() public override {
        super.setUp();
        rules = new AaveV3ReserveRulesHarness();
    }

    // ------------------------------------------------------------ decoding, V3.2+ layout

    /// @dev A USDC-like reserve in the V3.2+ layout: 6 decimals, active, borrowing enabled, flash loans enabled,
    /// 10% reserve factor, caps of 4M / 5M tokens, bits 168–175 left empty as V3.2 leaves them.
    function _v32Config() internal pure returns (uint256) {
        return 7700 | 8000 << 16 | 10_450 << 32 | 6 << 48 | 1 << 56 | 1 << 58 | 1 << 63 | 1000 << 64 | 4_000_000 << 80
            | 5_000_000 << 116 | 1000 << 152;
    }

    function test_BorrowableInEMode_V32_AssetInTheCategoryBitmap() public pure {
        AaveV3ReserveRules.EMode memory eMode = AaveV3ReserveRules.EMode(CATEGORY, true, uint128(1 << 5 | 1 << 9));

        (bool borrowable, uint256 assetCategory) = AaveV3ReserveRules.borrowableInEMode(_v32Config(), 9, eMode);

        // The V3.0 decoding reads category 0 from bits 168–175 and would refuse this borrow.
        assertTrue(borrowable, "reserve 9 is in the category's borrowable bitmap");
        assertEq(assetCategory, 0, "V3.2+ reports no asset category");
    }

    function test_BorrowableInEMode_V32_AssetOutsideTheCategoryBitmap() public pure {
        AaveV3ReserveRules.EMode memory eMode = AaveV3ReserveRules.EMode(CATEGORY, true, uint128(1 << 5));
        // Bits 168–175 hold the user's category, as a V3.1 word would: V3.2+ ignores them.
        uint256 config = _v32Config() | uint256(CATEGORY) << 168;

        (bool borrowable,) = AaveV3ReserveRules.borrowableInEMode(config, 9, eMode);

        assertFalse(borrowable, "reserve 9 is not in the category's borrowable bitmap");
    }

    function testFuzz_BorrowableInEMode_V32_ReadsOnlyTheBitmap(
        uint256 config,
        uint16 reserveId,
        uint128 bitmap,
        uint8 category
    ) public pure {
        reserveId = uint16(bound(reserveId, 0, 127));
        category = uint8(bound(category, 1, type(uint8).max));
        AaveV3ReserveRules.EMode memory eMode = AaveV3ReserveRules.EMode(category, true, bitmap);

        (bool borrowable, uint256 assetCategory) = AaveV3ReserveRules.borrowableInEMode(config, reserveId, eMode);

        assertEq(borrowable, bitmap & (uint128(1) << reserveId) != 0, "the bitmap's bit for the reserve decides");
        assertEq(assetCategory, 0, "no asset category on V3.2+");
    }

    // ------------------------------------------------------------ decoding, V3.0/V3.1 layout

    function test_BorrowableInEMode_V30_ComparesTheReserveCategory() public pure {
        AaveV3ReserveRules.EMode memory eMode = AaveV3ReserveRules.EMode(CATEGORY, false, 0);

        (bool inCategory, uint256 category) =
            AaveV3ReserveRules.borrowableInEMode(_v32Config() | uint256(CATEGORY) << 168, 9, eMode);
        (bool outside, uint256 none) = AaveV3ReserveRules.borrowableInEMode(_v32Config() | 2 << 168, 9, eMode);

        assertTrue(inCategory, "a reserve of the user's category is borrowable");
        assertEq(category, CATEGORY, "its category is read from bits 168-175");
        assertFalse(outside, "a reserve of another category is not");
        assertEq(none, 2, "the other category is reported");
    }

    function test_BorrowableInEMode_OutsideEModeEverythingIsBorrowable() public pure {
        AaveV3ReserveRules.EMode memory eMode;

        (bool borrowable,) = AaveV3ReserveRules.borrowableInEMode(_v32Config() | 3 << 168, 9, eMode);

        assertTrue(borrowable, "no e-mode, no e-mode restriction");
    }

    // ------------------------------------------------------------ the pool's version

    function test_EModeOf_V30Pool_FallsBackToTheReserveCategory() public {
        vm.prank(bob);
        aaveV3.setUserEMode(CATEGORY);

        AaveV3ReserveRules.EMode memory eMode = rules.eModeOf(IAaveV3Pool(AAVE_V3_POOL), bob);

        assertEq(eMode.category, CATEGORY, "bob's category");
        assertFalse(eMode.hasBitmap, "the V3.0 pool has no borrowable bitmap");
    }

    function test_EModeOf_V32Pool_ReadsTheBorrowableBitmap() public {
        vm.prank(bob);
        aaveV3.setUserEMode(CATEGORY);
        _answerAsV32(uint128(1 << 3));

        AaveV3ReserveRules.EMode memory eMode = rules.eModeOf(IAaveV3Pool(AAVE_V3_POOL), bob);

        assertTrue(eMode.hasBitmap, "a V3.2+ pool has the bitmap");
        assertEq(eMode.borrowableBitmap, 1 << 3, "the category's bitmap");
    }

    function test_EModeOf_OutsideEModeReadsNoBitmap() public {
        vm.expectCall(AAVE_V3_POOL, abi.encodeCall(IAaveV3Pool.getEModeCategoryBorrowableBitmap, (uint8(0))), uint64(0));

        AaveV3ReserveRules.EMode memory eMode = rules.eModeOf(IAaveV3Pool(AAVE_V3_POOL), bob);

        assertEq(eMode.category, 0, "bob is not in e-mode");
        assertFalse(eMode.hasBitmap, "no bitmap read");
    }

    // ------------------------------------------------------------ borrow checks on a V3.2+ pool

    /// @dev The issue's false positive: WETH's bits 168–175 say category 0, the V3.2+ bitmap lets category 1 borrow it.
    function test_RequireBorrowAllowed_V32_DebtInTheUsersCategoryPasses() public {
        vm.prank(bob);
        aaveV3.setUserEMode(CATEGORY);
        _answerAsV32(uint128(1) << aaveV3.getReserveData(WETH).id);
        AaveV3ReserveRules.EMode memory eMode = rules.eModeOf(IAaveV3Pool(AAVE_V3_POOL), bob);

        address debtToken = rules.requireBorrowAllowed(IAaveV3Pool(AAVE_V3_POOL), WETH, 1 ether, eMode);

        assertEq(debtToken, _v3Token(WETH, ".variableDebtToken"), "WETH's variable debt token");
    }

    function test_RevertWhen_V32_DebtOutsideTheUsersCategoryBitmap() public {
        vm.prank(bob);
        aaveV3.setUserEMode(CATEGORY);
        uint16 wethId = aaveV3.getReserveData(WETH).id;
        _answerAsV32(type(uint128).max ^ uint128(1) << wethId);
        AaveV3ReserveRules.EMode memory eMode = rules.eModeOf(IAaveV3Pool(AAVE_V3_POOL), bob);

        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3EModeMismatch.selector, WETH, CATEGORY, 0));
        rules.requireBorrowAllowed(IAaveV3Pool(AAVE_V3_POOL), WETH, 1 ether, eMode);
    }

    /// @dev V3.2+ may report no stable debt token: the borrow cap then counts the variable debt alone.
    function test_RequireBorrowAllowed_V32_ZeroStableDebtTokenCountsVariableDebt() public {
        IAaveV3Pool.ReserveData memory reserve = aaveV3.getReserveData(USDC);
        uint256 capTokens = 1_000_000;
        uint256 borrowCapBits = ((uint256(1) << 36) - 1) << 80;
        reserve.configuration = reserve.configuration & ~borrowCapBits | capTokens << 80;
        reserve.stableDebtTokenAddress = address(0);
        vm.mockCall(AAVE_V3_POOL, abi.encodeCall(IAaveV3Pool.getReserveData, (USDC)), abi.encode(reserve));
        uint256 room = capTokens * 1e6 - IERC20Minimal(reserve.variableDebtTokenAddress).totalSupply();
        AaveV3ReserveRules.EMode memory eMode;

        rules.requireBorrowAllowed(IAaveV3Pool(AAVE_V3_POOL), USDC, room, eMode);
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.AaveV3BorrowCapReached.selector, USDC, room + 1, room));
        rules.requireBorrowAllowed(IAaveV3Pool(AAVE_V3_POOL), USDC, room + 1, eMode);
    }

    /// @dev The world's V3.0 pool answering V3.2's `getEModeCategoryBorrowableBitmap` for the test's category.
    function _answerAsV32(uint128 borrowableBitmap) internal {
        vm.mockCall(
            AAVE_V3_POOL,
            abi.encodeCall(IAaveV3Pool.getEModeCategoryBorrowableBitmap, (CATEGORY)),
            abi.encode(borrowableBitmap)
        );
    }
}
