// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RewardsDistributor} from "../../../src/RewardsDistributor.sol";
import {IRewardsDistributor} from "../../../src/interfaces/IRewardsDistributor.sol";
import {MockERC20} from "../../mocks/MockERC20.sol";
import {MerkleTreeBuilder} from "../MerkleTreeBuilder.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice Runs a campaign against the distributor: the operator publishes cumulative roots, the guardian cancels
/// some, the campaign funds in bursts, users and strangers claim, and an attacker tries inflated and pending
/// leaves. Ghost variables record what was funded and paid, and every root's amounts.
contract RewardsHandler is CommonBase, StdUtils {
    uint256 internal constant MAX_INCREMENT = 1000e18;

    RewardsDistributor internal immutable DISTRIBUTOR;
    address internal immutable OPERATOR;
    address internal immutable GUARDIAN;
    address[] internal users;
    MockERC20[] internal tokens;

    /// @dev The amounts of the latest proposal, the base of the next one (cumulative amounts never decrease).
    uint256[] internal latestAmounts;
    mapping(bytes32 root => uint256[] amounts) internal amountsOf;

    mapping(address token => uint256) public ghostFunded;
    mapping(address token => uint256) public ghostPaid;
    uint256 public ghostProposals;
    uint256 public ghostCancels;
    uint256 public ghostClaims;

    constructor(RewardsDistributor distributor, address[] memory users_, MockERC20[] memory tokens_) {
        DISTRIBUTOR = distributor;
        OPERATOR = distributor.OPERATOR();
        GUARDIAN = distributor.GUARDIAN();
        users = users_;
        tokens = tokens_;
        latestAmounts = new uint256[](users_.length * tokens_.length);
    }

    // ---------------------------------------------------------------- actions

    /// @dev The operator publishes the next cumulative root: every amount grows by a bounded, possibly zero, step.
    function propose(uint256 seed) external {
        (bytes32 pending,) = DISTRIBUTOR.pendingRoot();
        if (pending != bytes32(0)) return;
        uint256[] memory amounts = latestAmounts;
        for (uint256 i; i < amounts.length; ++i) {
            amounts[i] += uint256(keccak256(abi.encode(seed, i))) % MAX_INCREMENT;
        }
        amounts[seed % amounts.length] += 1; // a new root differs from every earlier one
        bytes32 root = MerkleTreeBuilder.root(_leaves(amounts));
        amountsOf[root] = amounts;
        latestAmounts = amounts;
        vm.prank(OPERATOR);
        DISTRIBUTOR.proposeRoot(root);
        ++ghostProposals;
    }

    /// @dev The guardian cancels the pending root; the next proposal builds on the cancelled one's amounts, which
    /// only ever adds.
    function cancel() external {
        (bytes32 pending,) = DISTRIBUTOR.pendingRoot();
        if (pending == bytes32(0)) return;
        vm.prank(GUARDIAN);
        DISTRIBUTOR.cancelRoot();
        ++ghostCancels;
    }

    function fund(uint256 tokenSeed, uint256 amount) external {
        MockERC20 token = tokens[tokenSeed % tokens.length];
        amount = bound(amount, 0, 2 * MAX_INCREMENT);
        token.mint(address(DISTRIBUTOR), amount);
        ghostFunded[address(token)] += amount;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 2 * DISTRIBUTOR.DISPUTE_WINDOW()));
    }

    /// @dev Anyone submits a leaf of the claimable root; the outcome must be the one the ghost state predicts.
    function claim(uint256 leafSeed, address submitter) external {
        bytes32 root = DISTRIBUTOR.claimableRoot();
        if (root == bytes32(0)) return;
        uint256[] memory amounts = amountsOf[root];
        uint256 index = leafSeed % amounts.length;
        (address user, MockERC20 token) = _leafOwner(index);
        uint256 alreadyClaimed = DISTRIBUTOR.claimed(user, address(token));
        uint256 owed = amounts[index] > alreadyClaimed ? amounts[index] - alreadyClaimed : 0;
        uint256 balance = token.balanceOf(address(DISTRIBUTOR));
        if (owed == 0) {
            vm.expectRevert(IRewardsDistributor.NothingToClaim.selector);
        } else if (balance < owed) {
            vm.expectRevert(
                abi.encodeWithSelector(IRewardsDistributor.InsufficientFunds.selector, address(token), owed, balance)
            );
        }
        _submit(submitter, user, address(token), amounts[index], MerkleTreeBuilder.proof(_leaves(amounts), index));
        if (owed == 0 || balance < owed) return;
        ghostPaid[address(token)] += owed;
        ++ghostClaims;
    }

    /// @dev An attacker inflates a leaf of the claimable root, or uses a leaf of the root still in its window.
    function attack(uint256 leafSeed, uint256 inflation, bool usePending) external {
        bytes32 root = DISTRIBUTOR.claimableRoot();
        (bytes32 pending,) = DISTRIBUTOR.pendingRoot();
        bytes32 source = usePending ? pending : root;
        if (source == bytes32(0)) return;
        uint256[] memory amounts = amountsOf[source];
        uint256 index = leafSeed % amounts.length;
        (address user, MockERC20 token) = _leafOwner(index);
        bytes32[] memory proof = MerkleTreeBuilder.proof(_leaves(amounts), index);
        uint256 amount = usePending ? amounts[index] : amounts[index] + bound(inflation, 1, MAX_INCREMENT);

        vm.expectRevert(
            root == bytes32(0)
                ? abi.encodeWithSelector(IRewardsDistributor.NoClaimableRoot.selector)
                : abi.encodeWithSelector(IRewardsDistributor.InvalidProof.selector, user, address(token), amount)
        );
        _submit(address(0xA77AC4), user, address(token), amount, proof);
    }

    // ---------------------------------------------------------------- views for the invariants

    /// @notice `user`'s cumulative amount of `token` in the claimable root (zero before the first one).
    function claimableAmount(address user, address token) external view returns (uint256) {
        bytes32 root = DISTRIBUTOR.claimableRoot();
        if (root == bytes32(0)) return 0;
        return amountsOf[root][_indexOf(user, token)];
    }

    function userCount() external view returns (uint256) {
        return users.length;
    }

    function userAt(uint256 i) external view returns (address) {
        return users[i];
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function tokenAt(uint256 i) external view returns (MockERC20) {
        return tokens[i];
    }

    // ---------------------------------------------------------------- helpers

    function _submit(address submitter, address user, address token, uint256 amount, bytes32[] memory proof) private {
        address[] memory leafUsers = new address[](1);
        address[] memory leafTokens = new address[](1);
        uint256[] memory leafAmounts = new uint256[](1);
        bytes32[][] memory proofs = new bytes32[][](1);
        (leafUsers[0], leafTokens[0], leafAmounts[0], proofs[0]) = (user, token, amount, proof);
        vm.prank(submitter);
        DISTRIBUTOR.claim(leafUsers, leafTokens, leafAmounts, proofs);
    }

    /// @dev Leaf `i` is user `i / tokens.length`, token `i % tokens.length`.
    function _leafOwner(uint256 index) private view returns (address, MockERC20) {
        return (users[index / tokens.length], tokens[index % tokens.length]);
    }

    function _indexOf(address user, address token) private view returns (uint256) {
        for (uint256 u; u < users.length; ++u) {
            for (uint256 t; t < tokens.length; ++t) {
                if (users[u] == user && address(tokens[t]) == token) return u * tokens.length + t;
            }
        }
        revert("unknown leaf");
    }

    function _leaves(uint256[] memory amounts) private view returns (bytes32[] memory leaves) {
        leaves = new bytes32[](amounts.length);
        for (uint256 i; i < amounts.length; ++i) {
            (address user, MockERC20 token) = _leafOwner(i);
            leaves[i] = MerkleTreeBuilder.leaf(user, address(token), amounts[i]);
        }
    }
}
