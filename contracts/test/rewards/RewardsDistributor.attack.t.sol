// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {HookToken} from "../mocks/HookToken.sol";
import {RewardsTest} from "./RewardsTest.sol";

/// @notice Every way to take rewards one is not owed: claiming twice, with someone else's or an altered leaf, with a
/// replaced, disputed or cancelled root, or as the operator or guardian; and a token that re-enters the claim.
contract RewardsDistributorAttackTest is RewardsTest {
    Reward[] internal honest;

    function setUp() public override {
        super.setUp();
        Reward[] memory tree = _tree(
            _reward(alice, address(rewardToken), 100e18),
            _reward(bob, address(rewardToken), 40e18),
            _reward(alice, address(otherToken), 5e6)
        );
        for (uint256 i; i < tree.length; ++i) {
            honest.push(tree[i]);
        }
        _fund(rewardToken, 1000e18);
        _fund(otherToken, 1000e6);
        _publish(honest);
    }

    function test_RevertWhen_ClaimedTwice() public {
        _claim(alice, honest, 0);

        vm.expectRevert(IRewardsDistributor.NothingToClaim.selector);
        _claim(alice, honest, 0);
        assertEq(rewardToken.balanceOf(alice), 100e18, "paid once");
    }

    function test_Claim_ALeafRepeatedInABatchPaysOnce() public {
        uint256[] memory twice = new uint256[](2);
        _claimMany(alice, honest, twice);

        assertEq(rewardToken.balanceOf(alice), 100e18, "the repeated leaf paid once");
        assertEq(distributor.claimed(alice, address(rewardToken)), 100e18, "claimed once");
    }

    function test_RevertWhen_AnotherUsersProofNamesTheAttacker() public {
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(attacker, address(rewardToken), 100e18, _proof(honest, 0));

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, attacker, address(rewardToken), 100e18)
        );
        vm.prank(attacker);
        distributor.claim(users, tokens, amounts, proofs);
    }

    function test_Claim_AnotherUsersLeafSubmittedByTheAttackerPaysThatUser() public {
        _claim(attacker, honest, 0);

        assertEq(rewardToken.balanceOf(alice), 100e18, "alice paid");
        assertEq(rewardToken.balanceOf(attacker), 0, "attacker paid nothing");
    }

    function test_RevertWhen_TheLeafAmountIsInflated() public {
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(alice, address(rewardToken), 100e18 + 1, _proof(honest, 0));

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, alice, address(rewardToken), 100e18 + 1)
        );
        distributor.claim(users, tokens, amounts, proofs);
    }

    function test_RevertWhen_TheLeafTokenIsSwapped() public {
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(alice, address(otherToken), 100e18, _proof(honest, 0));

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, alice, address(otherToken), 100e18)
        );
        distributor.claim(users, tokens, amounts, proofs);
    }

    function test_RevertWhen_AStaleRootsProofIsUsedAfterReplacement() public {
        Reward[] memory replacement = _tree(
            _reward(alice, address(rewardToken), 100e18),
            _reward(bob, address(rewardToken), 30e18),
            _reward(alice, address(otherToken), 5e6)
        );
        _publish(replacement);

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, bob, address(rewardToken), 40e18)
        );
        _claim(bob, honest, 1);
        _claim(bob, replacement, 1);
        assertEq(rewardToken.balanceOf(bob), 30e18, "bob paid what the replacement says");
    }

    function test_RevertWhen_ARootIsUsedDuringItsDisputeWindow() public {
        Reward[] memory next = _tree(
            _reward(alice, address(rewardToken), 300e18),
            _reward(bob, address(rewardToken), 40e18),
            _reward(alice, address(otherToken), 5e6)
        );
        _propose(next);
        skip(DISPUTE_WINDOW - 1);

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, alice, address(rewardToken), 300e18)
        );
        _claim(alice, next, 0);
        _claim(alice, honest, 0);
        assertEq(rewardToken.balanceOf(alice), 100e18, "only the claimable root pays during the window");
        skip(1);
        _claim(alice, next, 0);
        assertEq(rewardToken.balanceOf(alice), 300e18, "the new root pays the increase after the window");
    }

    function test_RevertWhen_TheOperatorClaimsThroughARogueRootTheGuardianCancels() public {
        Reward[] memory rogue = _tree(_reward(operator, address(rewardToken), 1000e18));
        _propose(rogue);

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, operator, address(rewardToken), 1000e18)
        );
        _claim(operator, rogue, 0);
        vm.prank(guardian);
        distributor.cancelRoot();
        skip(DISPUTE_WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, operator, address(rewardToken), 1000e18)
        );
        _claim(operator, rogue, 0);
        assertEq(rewardToken.balanceOf(address(distributor)), 1000e18, "funds intact");
    }

    function test_RevertWhen_TheGuardianProposesARootForItself() public {
        bytes32 rogue = _root(_tree(_reward(guardian, address(rewardToken), 1000e18)));

        vm.expectRevert(abi.encodeWithSelector(IRewardsDistributor.NotOperator.selector, guardian));
        vm.prank(guardian);
        distributor.proposeRoot(rogue);
        assertEq(rewardToken.balanceOf(address(distributor)), 1000e18, "funds intact");
    }

    function test_Claim_AReentrantTokenCannotBePaidTwice() public {
        HookToken hostile = new HookToken();
        Reward[] memory tree = _tree(_reward(alice, address(hostile), 10e18), _reward(bob, address(hostile), 10e18));
        hostile.mint(address(distributor), 100e18);
        _publish(tree);
        uint256[] memory first = new uint256[](1);
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _claimArgs(tree, first);
        hostile.arm(address(distributor), abi.encodeCall(distributor.claim, (users, tokens, amounts, proofs)));

        _claim(alice, tree, 0);

        assertTrue(hostile.hookCalled(), "the token re-entered claim");
        assertFalse(hostile.hookSucceeded(), "the re-entered claim failed");
        assertEq(
            bytes4(hostile.hookReturnData()), IRewardsDistributor.NothingToClaim.selector, "the leaf was already paid"
        );
        assertEq(hostile.balanceOf(alice), 10e18, "alice paid once");
    }
}
