// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {AaveMigratorTest} from "./base/AaveMigratorTest.sol";

/// @notice Any mix of WETH (18 decimals), USDC (6) and WBTC (8) supplies with an optional DAI debt at either rate,
/// signed, left to accrue, then migrated after a delay: everything moves, at the amounts of the execution block.
contract AaveV2ToV3FuzzTest is AaveMigratorTest {
    struct Case {
        uint256 reserveCount;
        uint256 wethAmount;
        uint256 usdcAmount;
        uint256 wbtcAmount;
        uint256 debtShareBps;
        bool stableRate;
        uint256 ageBeforeSigning;
        uint256 signToSendDelay;
    }

    function testFuzz_MigrateAave_MovesEverythingAtExecutionAmounts(Case memory c) public {
        (address user, uint256 userKey) = makeAddrAndKey("fuzzer");
        address[3] memory candidates = [WETH, USDC, WBTC];
        address[] memory collateral = new address[](bound(c.reserveCount, 1, 3));
        uint256[3] memory amounts = [
            bound(c.wethAmount, 1e15, 100 ether),
            bound(c.usdcAmount, 1e6, 200_000e6),
            // Under the 5 WBTC of room V3's supply cap leaves.
            bound(c.wbtcAmount, 1e3, 4e8)
        ];
        uint256[3] memory usdPerUnit = [uint256(3000e18) / 1e18, 1e18 / 1e6, uint256(60_000e18) / 1e8];
        uint256 valueUsd18;
        for (uint256 i; i < collateral.length; ++i) {
            collateral[i] = candidates[i];
            _depositV2(user, collateral[i], amounts[i]);
            valueUsd18 += amounts[i] * usdPerUnit[i];
        }
        // Up to half the collateral's value: healthy on both markets whatever the mix.
        uint256 debt = valueUsd18 * bound(c.debtShareBps, 0, 5000) / 10_000;
        address[] memory debtAssets = debt == 0 ? _noAssets() : _assets(DAI);
        if (debt != 0) _borrowV2(user, DAI, debt, c.stableRate ? STABLE : VARIABLE);

        skip(bound(c.ageBeforeSigning, 0, 365 days));
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(userKey, collateral, debtAssets);
        skip(bound(c.signToSendDelay, 0, 20 minutes));
        uint256[] memory supplies = new uint256[](collateral.length);
        for (uint256 i; i < collateral.length; ++i) {
            supplies[i] = _v2Supply(user, collateral[i]);
        }
        uint256 debtAtExecution = debt == 0 ? 0 : _v2Debt(user, DAI);

        IMigrator.LendingMigration memory m = _migrateAave(user, params);

        for (uint256 i; i < collateral.length; ++i) {
            assertEq(_v2Supply(user, collateral[i]), 0, "V2 supply fully moved");
            assertApproxEqAbs(_v3Supply(user, collateral[i]), supplies[i], 1, "V3 supply = live V2 supply");
            assertEq(m.collateralAmounts[i], supplies[i], "event: live V2 supply");
        }
        assertEq(_v2Debt(user, DAI), 0, "no V2 debt left");
        assertApproxEqAbs(_v3VariableDebt(user, DAI), debtAtExecution, 1, "V3 debt = V2 debt at execution");
        assertGe(m.destinationHealthFactorAfter, params.minHealthFactor, "V3 health factor above the minimum");
        _assertMigratorHoldsNoAaveAsset();
    }
}
