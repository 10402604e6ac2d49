// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MerkleTreeBuilder} from "../rewards/MerkleTreeBuilder.sol";
import {RewardsTest} from "../rewards/RewardsTest.sol";

/// @notice Claim gas against a 10,000-leaf tree (a proof of 14 hashes): a user's first claim, and the claim of the
/// increase after the next root. Run with `--isolate` (`npm run bench:gas`): each call its own transaction.
contract RewardsDistributorGasTest is RewardsTest {
    uint256 internal constant LEAVES = 10_000;
    uint256 internal constant CLAIMANT = 4242;

    function test_Gas_Claim10kLeafTree() public {
        _fund(rewardToken, 1_000_000e18);
        bytes32[] memory leaves = _campaignLeaves(0);
        _publishLeaves(leaves);
        _claimLeaf(leaves, 1e18 * (CLAIMANT + 1));
        vm.snapshotGasLastCall("RewardsDistributor_claim_10kLeaves_first");

        leaves = _campaignLeaves(1e18);
        _publishLeaves(leaves);
        _claimLeaf(leaves, 1e18 * (CLAIMANT + 2));
        vm.snapshotGasLastCall("RewardsDistributor_claim_10kLeaves_afterNewRoot");

        assertEq(rewardToken.balanceOf(_user(CLAIMANT)), 1e18 * (CLAIMANT + 2), "paid the last cumulative amount");
    }

    /// @dev User `i` has earned `(i + 1)` tokens, plus `bonus` each.
    function _campaignLeaves(uint256 bonus) private view returns (bytes32[] memory leaves) {
        leaves = new bytes32[](LEAVES);
        for (uint256 i; i < LEAVES; ++i) {
            leaves[i] = MerkleTreeBuilder.leaf(_user(i), address(rewardToken), 1e18 * (i + 1) + bonus);
        }
    }

    function _publishLeaves(bytes32[] memory leaves) private {
        vm.prank(operator);
        distributor.proposeRoot(MerkleTreeBuilder.root(leaves));
        skip(DISPUTE_WINDOW);
    }

    function _claimLeaf(bytes32[] memory leaves, uint256 cumulativeAmount) private {
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _single(_user(CLAIMANT), address(rewardToken), cumulativeAmount, MerkleTreeBuilder.proof(leaves, CLAIMANT));
        distributor.claim(users, tokens, amounts, proofs);
    }

    function _user(uint256 i) private pure returns (address) {
        return address(uint160(0x100000 + i));
    }
}
