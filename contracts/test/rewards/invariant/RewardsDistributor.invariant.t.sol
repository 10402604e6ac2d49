// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MockERC20} from "../../mocks/MockERC20.sol";
import {RewardsTest} from "../RewardsTest.sol";
import {RewardsHandler} from "./RewardsHandler.sol";

/// @notice Whatever the campaign does (roots proposed and cancelled, funding in bursts, claims by anyone, forged
/// leaves): no more is paid than funded, no user is paid beyond the claimable root, and tokens leave only to users.
/// Every handler call asserts its outcome (the exact revert, or the payout), so a call that goes otherwise fails.
/// forge-config: default.invariant.fail-on-revert = true
contract RewardsDistributorInvariantTest is RewardsTest {
    RewardsHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory users = new address[](4);
        (users[0], users[1], users[2], users[3]) = (alice, bob, carol, makeAddr("dave"));
        MockERC20[] memory tokens = new MockERC20[](2);
        (tokens[0], tokens[1]) = (rewardToken, otherToken);
        handler = new RewardsHandler(distributor, users, tokens);

        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = RewardsHandler.propose.selector;
        selectors[1] = RewardsHandler.cancel.selector;
        selectors[2] = RewardsHandler.fund.selector;
        selectors[3] = RewardsHandler.warp.selector;
        selectors[4] = RewardsHandler.claim.selector;
        selectors[5] = RewardsHandler.attack.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function invariant_TotalPaidNeverExceedsTotalFunded() public view {
        for (uint256 t; t < handler.tokenCount(); ++t) {
            address token = address(handler.tokenAt(t));
            assertLe(handler.ghostPaid(token), handler.ghostFunded(token), "paid <= funded");
            assertEq(
                MockERC20(token).balanceOf(address(distributor)),
                handler.ghostFunded(token) - handler.ghostPaid(token),
                "balance = funded - paid"
            );
        }
    }

    function invariant_ClaimedPerUserNeverExceedsTheClaimableCumulativeAmount() public view {
        for (uint256 u; u < handler.userCount(); ++u) {
            address user = handler.userAt(u);
            for (uint256 t; t < handler.tokenCount(); ++t) {
                address token = address(handler.tokenAt(t));
                uint256 claimed = distributor.claimed(user, token);
                assertLe(claimed, handler.claimableAmount(user, token), "claimed <= cumulative in the claimable root");
                assertEq(MockERC20(token).balanceOf(user), claimed, "a user holds exactly what was claimed for them");
            }
        }
    }

    function invariant_PaidEqualsTheSumOfClaimedTotals() public view {
        for (uint256 t; t < handler.tokenCount(); ++t) {
            address token = address(handler.tokenAt(t));
            uint256 sum;
            for (uint256 u; u < handler.userCount(); ++u) {
                sum += distributor.claimed(handler.userAt(u), token);
            }
            assertEq(sum, handler.ghostPaid(token), "sum of claimed = paid");
        }
    }
}
