// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RewardsDistributor} from "../../src/RewardsDistributor.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MerkleTreeBuilder} from "./MerkleTreeBuilder.sol";
import {Test} from "forge-std/Test.sol";

/// @notice A distributor with labelled actors and two reward tokens, and helpers to build, publish and claim trees
/// of cumulative rewards.
abstract contract RewardsTest is Test {
    uint256 internal constant DISPUTE_WINDOW = 1 days;

    /// @notice One leaf: `user` has earned `cumulativeAmount` of `token` since the campaign began.
    struct Reward {
        address user;
        address token;
        uint256 cumulativeAmount;
    }

    RewardsDistributor internal distributor;
    MockERC20 internal rewardToken;
    MockERC20 internal otherToken;
    address internal operator;
    address internal guardian;
    address internal alice;
    address internal bob;
    address internal carol;
    address internal attacker;

    function setUp() public virtual {
        operator = makeAddr("operator");
        guardian = makeAddr("guardian");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        attacker = makeAddr("attacker");
        rewardToken = new MockERC20("RWD", 18);
        otherToken = new MockERC20("OTH", 6);
        distributor = new RewardsDistributor(operator, guardian, DISPUTE_WINDOW);
        vm.label(address(distributor), "RewardsDistributor");
        vm.label(address(rewardToken), "RWD");
        vm.label(address(otherToken), "OTH");
    }

    // ---------------------------------------------------------------- trees

    function _reward(address user, address token, uint256 cumulativeAmount) internal pure returns (Reward memory) {
        return Reward(user, token, cumulativeAmount);
    }

    function _tree(Reward memory a) internal pure returns (Reward[] memory tree) {
        tree = new Reward[](1);
        tree[0] = a;
    }

    function _tree(Reward memory a, Reward memory b) internal pure returns (Reward[] memory tree) {
        tree = new Reward[](2);
        (tree[0], tree[1]) = (a, b);
    }

    function _tree(Reward memory a, Reward memory b, Reward memory c) internal pure returns (Reward[] memory tree) {
        tree = new Reward[](3);
        (tree[0], tree[1], tree[2]) = (a, b, c);
    }

    function _leaves(Reward[] memory tree) internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](tree.length);
        for (uint256 i; i < tree.length; ++i) {
            leaves[i] = MerkleTreeBuilder.leaf(tree[i].user, tree[i].token, tree[i].cumulativeAmount);
        }
    }

    function _root(Reward[] memory tree) internal pure returns (bytes32) {
        return MerkleTreeBuilder.root(_leaves(tree));
    }

    function _proof(Reward[] memory tree, uint256 index) internal pure returns (bytes32[] memory) {
        return MerkleTreeBuilder.proof(_leaves(tree), index);
    }

    // ---------------------------------------------------------------- actions

    /// @notice Proposes `tree`'s root as the operator; returns it.
    function _propose(Reward[] memory tree) internal returns (bytes32 root) {
        root = _root(tree);
        vm.prank(operator);
        distributor.proposeRoot(root);
    }

    /// @notice Proposes `tree`'s root and lets its dispute window pass.
    function _publish(Reward[] memory tree) internal returns (bytes32 root) {
        root = _propose(tree);
        skip(DISPUTE_WINDOW);
    }

    function _fund(MockERC20 token, uint256 amount) internal {
        token.mint(address(distributor), amount);
    }

    /// @notice Submits the claim of `tree[index]` as `caller`.
    function _claim(address caller, Reward[] memory tree, uint256 index) internal {
        uint256[] memory indices = new uint256[](1);
        indices[0] = index;
        _claimMany(caller, tree, indices);
    }

    /// @notice Submits one claim of several leaves of `tree` as `caller`.
    function _claimMany(address caller, Reward[] memory tree, uint256[] memory indices) internal {
        (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs) =
            _claimArgs(tree, indices);
        vm.prank(caller);
        distributor.claim(users, tokens, amounts, proofs);
    }

    function _claimArgs(Reward[] memory tree, uint256[] memory indices)
        internal
        pure
        returns (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs)
    {
        users = new address[](indices.length);
        tokens = new address[](indices.length);
        amounts = new uint256[](indices.length);
        proofs = new bytes32[][](indices.length);
        for (uint256 i; i < indices.length; ++i) {
            Reward memory reward = tree[indices[i]];
            (users[i], tokens[i], amounts[i]) = (reward.user, reward.token, reward.cumulativeAmount);
            proofs[i] = _proof(tree, indices[i]);
        }
    }

    /// @notice Calldata-style single-leaf arguments, for tests that tamper with one field.
    function _single(address user, address token, uint256 amount, bytes32[] memory proof)
        internal
        pure
        returns (address[] memory users, address[] memory tokens, uint256[] memory amounts, bytes32[][] memory proofs)
    {
        users = new address[](1);
        tokens = new address[](1);
        amounts = new uint256[](1);
        proofs = new bytes32[][](1);
        (users[0], tokens[0], amounts[0], proofs[0]) = (user, token, amount, proof);
    }
}
