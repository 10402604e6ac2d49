// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {RewardsTest} from "./RewardsTest.sol";

contract RewardsDistributorFuzzTest is RewardsTest {
    uint256 internal constant MAX_LEAVES = 300;

    /// @notice Whatever the increments and whichever roots she claims under, alice ends up with exactly her last
    /// cumulative amount.
    function testFuzz_Claim_PaysExactlyTheLastCumulativeAmountAcrossRoots(
        uint96[4] memory increments,
        bool[4] memory claimUnder
    ) public {
        uint256 cumulative;
        for (uint256 i; i < increments.length; ++i) {
            cumulative += increments[i];
            Reward[] memory tree =
                _tree(_reward(alice, address(rewardToken), cumulative), _reward(bob, address(rewardToken), i + 1));
            _fund(rewardToken, increments[i]);
            _publish(tree);
            bool last = i == increments.length - 1;
            if ((claimUnder[i] || last) && cumulative > distributor.claimed(alice, address(rewardToken))) {
                _claim(alice, tree, 0);
            }
        }
        assertEq(rewardToken.balanceOf(alice), cumulative, "alice holds her last cumulative amount");
        assertEq(distributor.claimed(alice, address(rewardToken)), cumulative, "claimed total");
        assertEq(rewardToken.balanceOf(address(distributor)), 0, "exactly her funding was spent");
    }

    /// @notice Any leaf of a tree of any size pays its user, and only that leaf's amount.
    function testFuzz_Claim_AnyLeafOfAnyTree(uint256 size, uint256 index, uint256 amountSeed) public {
        size = bound(size, 1, MAX_LEAVES);
        index = bound(index, 0, size - 1);
        Reward[] memory tree = new Reward[](size);
        for (uint256 i; i < size; ++i) {
            uint256 amount = uint256(keccak256(abi.encode(amountSeed, i))) % 1e24 + 1;
            tree[i] = _reward(address(uint160(0x1000 + i)), address(rewardToken), amount);
        }
        _fund(rewardToken, tree[index].cumulativeAmount);
        _publish(tree);

        _claim(carol, tree, index);

        assertEq(rewardToken.balanceOf(tree[index].user), tree[index].cumulativeAmount, "the leaf's user paid");
        assertEq(rewardToken.balanceOf(address(distributor)), 0, "only that leaf paid");
    }

    /// @notice A proof with any sibling changed fails with `InvalidProof` and pays nothing.
    function testFuzz_RevertWhen_TheProofIsTampered(uint256 index, uint256 position, bytes32 junk) public {
        Reward[] memory tree = new Reward[](9);
        for (uint256 i; i < tree.length; ++i) {
            tree[i] = _reward(address(uint160(0x1000 + i)), address(rewardToken), (i + 1) * 1e18);
        }
        index = bound(index, 0, tree.length - 1);
        bytes32[] memory proof = _proof(tree, index);
        position = bound(position, 0, proof.length - 1);
        vm.assume(junk != proof[position]);
        proof[position] = junk;
        _fund(rewardToken, 100e18);
        _publish(tree);
        Reward memory reward = tree[index];
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(reward.user, reward.token, reward.cumulativeAmount, proof);

        vm.expectRevert(
            abi.encodeWithSelector(
                IRewardsDistributor.InvalidProof.selector, reward.user, reward.token, reward.cumulativeAmount
            )
        );
        distributor.claim(users, tokens, amounts, proofs);
    }

    /// @notice Underfunding fails cleanly at any shortfall and the same claim pays once the gap is filled.
    function testFuzz_RevertWhen_Underfunded(uint256 owed, uint256 funded) public {
        owed = bound(owed, 1, type(uint128).max);
        funded = bound(funded, 0, owed - 1);
        Reward[] memory tree = _tree(_reward(alice, address(rewardToken), owed));
        _fund(rewardToken, funded);
        _publish(tree);

        vm.expectRevert(
            abi.encodeWithSelector(IRewardsDistributor.InsufficientFunds.selector, address(rewardToken), owed, funded)
        );
        _claim(alice, tree, 0);
        _fund(rewardToken, owed - funded);
        _claim(alice, tree, 0);
        assertEq(rewardToken.balanceOf(alice), owed, "paid in full once funded");
    }

    /// @notice Neither role, nor anyone, moves tokens with any call that is not a valid claim.
    function testFuzz_NoCallButAClaimMovesFunds(uint8 callerSeed, bytes calldata data) public {
        _fund(rewardToken, 1000e18);
        _publish(_tree(_reward(alice, address(rewardToken), 100e18)));
        address[3] memory callers = [operator, guardian, attacker];

        vm.prank(callers[callerSeed % callers.length]);
        (bool success,) = address(distributor).call(data);

        assertEq(rewardToken.balanceOf(address(distributor)), 1000e18, "funds intact");
        if (success) assertNotEq(bytes4(data), distributor.claim.selector, "no claim succeeded without a proof");
    }
}
