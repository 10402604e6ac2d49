// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IRewardsDistributor} from "./interfaces/IRewardsDistributor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title RewardsDistributor
/// @notice Pays a campaign's rewards from Merkle roots of cumulative amounts, each claimable after a dispute window.
/// @dev Immutable and ownerless: no function moves tokens but `claim`, to the user in the leaf. The roles are fixed
/// at deployment on purpose. A compromised operator can only propose roots, which the guardian cancels; a lost
/// operator key stops new roots while the claimable one keeps paying. A role change path would be one more way to
/// install a rogue operator, and a recovery path would be a way to take the funds.
/// @dev Warning: tokens sent beyond what roots ever allocate stay here for good: fund what the roots will owe.
contract RewardsDistributor is IRewardsDistributor {
    using SafeERC20 for IERC20;

    /// @inheritdoc IRewardsDistributor
    address public immutable OPERATOR;

    /// @inheritdoc IRewardsDistributor
    address public immutable GUARDIAN;

    /// @inheritdoc IRewardsDistributor
    uint256 public immutable DISPUTE_WINDOW;

    /// @inheritdoc IRewardsDistributor
    mapping(address user => mapping(address token => uint256 amount)) public claimed;

    /// @dev The last root whose window passed, as recorded by `proposeRoot`; a later one may be claimable already
    /// (see `_claimableRoot`).
    bytes32 private _settledRoot;
    bytes32 private _proposedRoot;
    uint256 private _proposedClaimableAt;

    constructor(address operator, address guardian, uint256 disputeWindow) {
        if (operator == address(0) || guardian == address(0)) revert ZeroAddressRole();
        if (operator == guardian) revert GuardianIsOperator(operator);
        if (disputeWindow == 0) revert ZeroDisputeWindow();
        OPERATOR = operator;
        GUARDIAN = guardian;
        DISPUTE_WINDOW = disputeWindow;
    }

    /// @inheritdoc IRewardsDistributor
    function proposeRoot(bytes32 root) external {
        if (msg.sender != OPERATOR) revert NotOperator(msg.sender);
        if (root == bytes32(0)) revert ZeroRoot();
        bytes32 proposed = _proposedRoot;
        if (_inDisputeWindow()) revert RootPending(proposed, _proposedClaimableAt);
        if (proposed != bytes32(0)) _settledRoot = proposed;
        uint256 claimableAt = block.timestamp + DISPUTE_WINDOW;
        _proposedRoot = root;
        _proposedClaimableAt = claimableAt;
        emit RootProposed(root, claimableAt);
    }

    /// @inheritdoc IRewardsDistributor
    function cancelRoot() external {
        if (msg.sender != GUARDIAN) revert NotGuardian(msg.sender);
        bytes32 proposed = _proposedRoot;
        if (proposed == bytes32(0) || !_inDisputeWindow()) revert NoPendingRoot();
        delete _proposedRoot;
        delete _proposedClaimableAt;
        emit RootCanceled(proposed);
    }

    /// @inheritdoc IRewardsDistributor
    function claim(
        address[] calldata users,
        address[] calldata tokens,
        uint256[] calldata cumulativeAmounts,
        bytes32[][] calldata proofs
    ) external {
        uint256 count = users.length;
        if (tokens.length != count || cumulativeAmounts.length != count || proofs.length != count) {
            revert LengthMismatch(count, tokens.length, cumulativeAmounts.length, proofs.length);
        }
        bytes32 root = _claimableRoot();
        if (root == bytes32(0)) revert NoClaimableRoot();

        bool paid;
        for (uint256 i; i < count; ++i) {
            paid = _claimLeaf(root, users[i], tokens[i], cumulativeAmounts[i], proofs[i]) || paid;
        }
        if (!paid) revert NothingToClaim();
    }

    /// @inheritdoc IRewardsDistributor
    function claimableRoot() external view returns (bytes32) {
        return _claimableRoot();
    }

    /// @inheritdoc IRewardsDistributor
    function pendingRoot() external view returns (bytes32 root, uint256 claimableAt) {
        if (_inDisputeWindow()) return (_proposedRoot, _proposedClaimableAt);
    }

    /// @dev Verifies one leaf and pays what it owes; returns whether it paid anything. State is written before the
    /// transfer, so a token that calls back into `claim` finds the leaf already paid.
    function _claimLeaf(bytes32 root, address user, address token, uint256 cumulativeAmount, bytes32[] calldata proof)
        private
        returns (bool)
    {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(user, token, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert InvalidProof(user, token, cumulativeAmount);

        uint256 alreadyClaimed = claimed[user][token];
        uint256 owed = cumulativeAmount > alreadyClaimed ? cumulativeAmount - alreadyClaimed : 0;
        if (owed == 0) return false;
        uint256 balance = IERC20(token).balanceOf(address(this));
        if (balance < owed) revert InsufficientFunds(token, owed, balance);

        claimed[user][token] = cumulativeAmount;
        emit Claimed(user, token, owed, cumulativeAmount);
        IERC20(token).safeTransfer(user, owed);
        return true;
    }

    /// @dev The proposed root once its window has passed (a cancelled one is deleted), the settled root before.
    function _claimableRoot() private view returns (bytes32) {
        bytes32 proposed = _proposedRoot;
        if (proposed != bytes32(0) && !_inDisputeWindow()) return proposed;
        return _settledRoot;
    }

    /// @dev Whether a proposed root is still in its dispute window (false once cancelled: its time is deleted too).
    function _inDisputeWindow() private view returns (bool) {
        return block.timestamp < _proposedClaimableAt;
    }
}
