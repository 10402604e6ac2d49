// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RewardsDistributor} from "../../src/RewardsDistributor.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {RewardsTest} from "./RewardsTest.sol";

contract RewardsDistributorTest is RewardsTest {
    // ---------------------------------------------------------------- construction

    function test_Constructor_SetsTheImmutableRoles() public view {
        assertEq(distributor.OPERATOR(), operator, "operator");
        assertEq(distributor.GUARDIAN(), guardian, "guardian");
        assertEq(distributor.DISPUTE_WINDOW(), DISPUTE_WINDOW, "dispute window");
        assertEq(distributor.claimableRoot(), bytes32(0), "no root before the first proposal");
    }

    function test_RevertWhen_ConstructedWithAZeroRole() public {
        vm.expectRevert(IRewardsDistributor.ZeroAddressRole.selector);
        new RewardsDistributor(address(0), guardian, DISPUTE_WINDOW);
        vm.expectRevert(IRewardsDistributor.ZeroAddressRole.selector);
        new RewardsDistributor(operator, address(0), DISPUTE_WINDOW);
    }

    function test_RevertWhen_ConstructedWithTheGuardianAsOperator() public {
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.GuardianIsOperator.selector, operator));
        new RewardsDistributor(operator, operator, DISPUTE_WINDOW);
    }

    function test_RevertWhen_ConstructedWithoutADisputeWindow() public {
        vm.expectRevert(IRewardsDistributor.ZeroDisputeWindow.selector);
        new RewardsDistributor(operator, guardian, 0);
    }

    // ---------------------------------------------------------------- proposing

    function test_ProposeRoot_BecomesClaimableExactlyWhenTheWindowEnds() public {
        bytes32 root = _root(_tree(_reward(alice, address(rewardToken), 100e18)));
        uint256 claimableAt = block.timestamp + DISPUTE_WINDOW;

        vm.expectEmit(address(distributor));
        emit IRewardsDistributor.RootProposed(root, claimableAt);
        vm.prank(operator);
        distributor.proposeRoot(root);

        (bytes32 pending, uint256 pendingClaimableAt) = distributor.pendingRoot();
        assertEq(pending, root, "pending root");
        assertEq(pendingClaimableAt, claimableAt, "claimable at");
        assertEq(distributor.claimableRoot(), bytes32(0), "not claimable during the window");
        vm.warp(claimableAt - 1);
        assertEq(distributor.claimableRoot(), bytes32(0), "not claimable a second before the window ends");
        vm.warp(claimableAt);
        assertEq(distributor.claimableRoot(), root, "claimable once the window ends");
        (pending, pendingClaimableAt) = distributor.pendingRoot();
        assertEq(pending, bytes32(0), "nothing pending once claimable");
        assertEq(pendingClaimableAt, 0, "no pending time once claimable");
    }

    function test_ProposeRoot_PreviousRootStaysClaimableDuringTheNextWindow() public {
        bytes32 first = _publish(_tree(_reward(alice, address(rewardToken), 100e18)));
        bytes32 second = _propose(_tree(_reward(alice, address(rewardToken), 150e18)));

        assertEq(distributor.claimableRoot(), first, "first root claimable during the second's window");
        skip(DISPUTE_WINDOW);
        assertEq(distributor.claimableRoot(), second, "second root claimable after its window");
    }

    function test_ProposeRoot_ReplacesARootNoClaimHasTouched() public {
        _publish(_tree(_reward(alice, address(rewardToken), 100e18)));
        skip(30 days);
        bytes32 second = _publish(_tree(_reward(alice, address(rewardToken), 150e18)));
        bytes32 third = _propose(_tree(_reward(alice, address(rewardToken), 200e18)));

        assertEq(distributor.claimableRoot(), second, "second root settled by the third proposal");
        skip(DISPUTE_WINDOW);
        assertEq(distributor.claimableRoot(), third, "third root claimable after its window");
    }

    function test_RevertWhen_ProposerIsNotTheOperator() public {
        bytes32 root = _root(_tree(_reward(alice, address(rewardToken), 100e18)));
        address[2] memory intruders = [guardian, alice];
        for (uint256 i; i < intruders.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NotOperator.selector, intruders[i]));
            vm.prank(intruders[i]);
            distributor.proposeRoot(root);
        }
    }

    function test_RevertWhen_ProposedRootIsZero() public {
        vm.expectRevert(IRewardsDistributor.ZeroRoot.selector);
        vm.prank(operator);
        distributor.proposeRoot(bytes32(0));
    }

    function test_RevertWhen_ProposedDuringAnotherRootsWindow() public {
        bytes32 first = _propose(_tree(_reward(alice, address(rewardToken), 100e18)));
        skip(DISPUTE_WINDOW - 1);
        bytes32 second = _root(_tree(_reward(alice, address(rewardToken), 150e18)));

        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.RootPending.selector, first, block.timestamp + 1));
        vm.prank(operator);
        distributor.proposeRoot(second);
    }

    // ---------------------------------------------------------------- cancelling

    function test_CancelRoot_PreviousRootStaysClaimableAndANewProposalIsOpen() public {
        bytes32 first = _publish(_tree(_reward(alice, address(rewardToken), 100e18)));
        bytes32 rogue = _propose(_tree(_reward(attacker, address(rewardToken), 1e30)));

        vm.expectEmit(address(distributor));
        emit IRewardsDistributor.RootCanceled(rogue);
        vm.prank(guardian);
        distributor.cancelRoot();

        (bytes32 pending,) = distributor.pendingRoot();
        assertEq(pending, bytes32(0), "nothing pending after the cancel");
        skip(DISPUTE_WINDOW);
        assertEq(distributor.claimableRoot(), first, "the first root stays claimable after the window");
        bytes32 corrected = _publish(_tree(_reward(alice, address(rewardToken), 150e18)));
        assertEq(distributor.claimableRoot(), corrected, "a corrected root can follow");
    }

    function test_RevertWhen_CancelerIsNotTheGuardian() public {
        _propose(_tree(_reward(alice, address(rewardToken), 100e18)));
        address[2] memory intruders = [operator, alice];
        for (uint256 i; i < intruders.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NotGuardian.selector, intruders[i]));
            vm.prank(intruders[i]);
            distributor.cancelRoot();
        }
    }

    function test_RevertWhen_CancelWithNothingProposed() public {
        vm.expectRevert(IRewardsDistributor.NoPendingRoot.selector);
        vm.prank(guardian);
        distributor.cancelRoot();
    }

    function test_RevertWhen_CancelAfterTheWindow() public {
        bytes32 root = _publish(_tree(_reward(alice, address(rewardToken), 100e18)));

        vm.expectRevert(IRewardsDistributor.NoPendingRoot.selector);
        vm.prank(guardian);
        distributor.cancelRoot();
        assertEq(distributor.claimableRoot(), root, "a claimable root cannot be revoked");
    }

    // ---------------------------------------------------------------- claiming

    function test_Claim_PaysTheCumulativeAmountToTheUser() public {
        Reward[] memory tree =
            _tree(_reward(alice, address(rewardToken), 100e18), _reward(bob, address(rewardToken), 40e18));
        _fund(rewardToken, 140e18);
        _publish(tree);

        vm.expectEmit(address(distributor));
        emit IRewardsDistributor.Claimed(alice, address(rewardToken), 100e18, 100e18);
        _claim(alice, tree, 0);

        assertEq(rewardToken.balanceOf(alice), 100e18, "alice paid");
        assertEq(distributor.claimed(alice, address(rewardToken)), 100e18, "alice's claimed total");
        assertEq(rewardToken.balanceOf(address(distributor)), 40e18, "bob's share still held");
    }

    function test_Claim_ANewRootPaysOnlyTheIncrease() public {
        Reward[] memory first = _tree(_reward(alice, address(rewardToken), 100e18));
        Reward[] memory second = _tree(_reward(alice, address(rewardToken), 250e18));
        _fund(rewardToken, 250e18);
        _publish(first);
        _claim(alice, first, 0);
        _publish(second);

        vm.expectEmit(address(distributor));
        emit IRewardsDistributor.Claimed(alice, address(rewardToken), 150e18, 250e18);
        _claim(alice, second, 0);

        assertEq(rewardToken.balanceOf(alice), 250e18, "alice paid the cumulative amount once");
        assertEq(rewardToken.balanceOf(address(distributor)), 0, "nothing left over");
    }

    function test_Claim_ABatchOfUsersAndTokensSubmittedByAnyonePaysTheUsers() public {
        Reward[] memory tree = _tree(
            _reward(alice, address(rewardToken), 100e18),
            _reward(alice, address(otherToken), 7e6),
            _reward(bob, address(rewardToken), 40e18)
        );
        _fund(rewardToken, 140e18);
        _fund(otherToken, 7e6);
        _publish(tree);
        uint256[] memory all = new uint256[](3);
        (all[0], all[1], all[2]) = (0, 1, 2);

        _claimMany(carol, tree, all);

        assertEq(rewardToken.balanceOf(alice), 100e18, "alice's reward token");
        assertEq(otherToken.balanceOf(alice), 7e6, "alice's other token");
        assertEq(rewardToken.balanceOf(bob), 40e18, "bob's reward token");
        assertEq(rewardToken.balanceOf(carol) + otherToken.balanceOf(carol), 0, "the submitter gets nothing");
    }

    function test_Claim_SkipsLeavesAlreadyPaidWhenAnotherLeafPays() public {
        Reward[] memory tree =
            _tree(_reward(alice, address(rewardToken), 100e18), _reward(bob, address(rewardToken), 40e18));
        _fund(rewardToken, 140e18);
        _publish(tree);
        _claim(alice, tree, 0);
        uint256[] memory both = new uint256[](2);
        (both[0], both[1]) = (0, 1);

        _claimMany(carol, tree, both);

        assertEq(rewardToken.balanceOf(alice), 100e18, "alice not paid twice");
        assertEq(rewardToken.balanceOf(bob), 40e18, "bob paid");
    }

    function test_RevertWhen_ClaimBeforeAnyRootIsClaimable() public {
        Reward[] memory tree = _tree(_reward(alice, address(rewardToken), 100e18));
        _fund(rewardToken, 100e18);
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(alice, address(rewardToken), 100e18, _proof(tree, 0));

        vm.expectRevert(IRewardsDistributor.NoClaimableRoot.selector);
        distributor.claim(users, tokens, amounts, proofs);
        _propose(tree);
        vm.expectRevert(IRewardsDistributor.NoClaimableRoot.selector);
        distributor.claim(users, tokens, amounts, proofs);
    }

    function test_RevertWhen_ClaimArraysDifferInLength() public {
        _publish(_tree(_reward(alice, address(rewardToken), 100e18)));

        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.LengthMismatch.selector, 1, 1, 2, 1));
        distributor.claim(new address[](1), new address[](1), new uint256[](2), new bytes32[][](1));
        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.LengthMismatch.selector, 1, 1, 1, 0));
        distributor.claim(new address[](1), new address[](1), new uint256[](1), new bytes32[][](0));
    }

    function test_RevertWhen_ClaimIsEmpty() public {
        _publish(_tree(_reward(alice, address(rewardToken), 100e18)));

        vm.expectRevert(IRewardsDistributor.NothingToClaim.selector);
        distributor.claim(new address[](0), new address[](0), new uint256[](0), new bytes32[][](0));
    }

    function test_RevertWhen_ClaimExceedsTheFunding_ThenPaysOnceFunded() public {
        Reward[] memory tree = _tree(_reward(alice, address(rewardToken), 100e18));
        _fund(rewardToken, 60e18);
        _publish(tree);

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InsufficientFunds.selector, address(rewardToken), 100e18, 60e18)
        );
        _claim(alice, tree, 0);
        assertEq(distributor.claimed(alice, address(rewardToken)), 0, "nothing recorded");
        assertEq(rewardToken.balanceOf(address(distributor)), 60e18, "nothing moved");

        _fund(rewardToken, 40e18);
        _claim(alice, tree, 0);
        assertEq(rewardToken.balanceOf(alice), 100e18, "paid in full once funded");
    }

    function test_RevertWhen_ANewRootLowersTheCumulativeAmount() public {
        _fund(rewardToken, 100e18);
        Reward[] memory first = _tree(_reward(alice, address(rewardToken), 100e18));
        _publish(first);
        _claim(alice, first, 0);
        Reward[] memory lowered = _tree(_reward(alice, address(rewardToken), 50e18));
        _publish(lowered);

        vm.expectRevert(IRewardsDistributor.NothingToClaim.selector);
        _claim(alice, lowered, 0);
        assertEq(distributor.claimed(alice, address(rewardToken)), 100e18, "claimed total never goes down");
    }
}
