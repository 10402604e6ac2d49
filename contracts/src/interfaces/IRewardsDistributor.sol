// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Ferry RewardsDistributor
/// @notice Pays a campaign's rewards against a Merkle root of *cumulative* amounts per (user, token): each leaf says
/// how much of a token a user has earned since the campaign began, and a claim pays the part not yet claimed. A new
/// root therefore supersedes the last one without paying anything twice.
/// @dev Leaves use OpenZeppelin's StandardMerkleTree encoding for `["address", "address", "uint256"]`:
/// `keccak256(bytes.concat(keccak256(abi.encode(user, token, cumulativeAmount))))`, with sorted-pair hashing.
/// The operator proposes a root; it becomes claimable `DISPUTE_WINDOW` seconds later unless the guardian cancels it
/// first, and until then the previous root stays claimable. Funding is a plain ERC-20 transfer to this contract.
/// Nothing moves tokens out but `claim`, which always pays the user named in the leaf.
interface IRewardsDistributor {
    /// @notice Emitted when the operator proposes a root.
    /// @param root The proposed root.
    /// @param claimableAt The timestamp from which claims are checked against it, unless cancelled before.
    event RootProposed(bytes32 indexed root, uint256 claimableAt);

    /// @notice Emitted when the guardian cancels a root during its dispute window.
    /// @param root The cancelled root.
    event RootCanceled(bytes32 indexed root);

    /// @notice Emitted once per leaf that pays something.
    /// @param user The user named in the leaf, who received the tokens.
    /// @param token The token paid.
    /// @param amount The amount paid now: `cumulativeAmount` minus what the user had claimed of this token before.
    /// @param cumulativeAmount The leaf's cumulative amount, now the user's total claimed of this token.
    event Claimed(address indexed user, address indexed token, uint256 amount, uint256 cumulativeAmount);

    /// @notice Thrown when the constructor gets the zero address as operator or guardian.
    error ZeroAddressRole();

    /// @notice Thrown when the constructor gets the same account as operator and guardian, which would let one key
    /// both propose a root and wave it through.
    /// @param account The account given for both roles.
    error GuardianIsOperator(address account);

    /// @notice Thrown when the constructor gets a dispute window of zero, which would leave the guardian no time.
    error ZeroDisputeWindow();

    /// @notice Thrown when anyone but the operator proposes a root.
    /// @param caller The rejected caller.
    error NotOperator(address caller);

    /// @notice Thrown when anyone but the guardian cancels a root.
    /// @param caller The rejected caller.
    error NotGuardian(address caller);

    /// @notice Thrown when the proposed root is zero.
    error ZeroRoot();

    /// @notice Thrown when a root is proposed while the previous proposal is still in its dispute window.
    /// @param pendingRoot The root in its window.
    /// @param claimableAt When that root becomes claimable.
    error RootPending(bytes32 pendingRoot, uint256 claimableAt);

    /// @notice Thrown when the guardian cancels while no root is in its dispute window.
    error NoPendingRoot();

    /// @notice Thrown when `claim`'s arrays differ in length.
    /// @param users The number of users.
    /// @param tokens The number of tokens.
    /// @param cumulativeAmounts The number of amounts.
    /// @param proofs The number of proofs.
    error LengthMismatch(uint256 users, uint256 tokens, uint256 cumulativeAmounts, uint256 proofs);

    /// @notice Thrown when a claim is made before any root has become claimable.
    error NoClaimableRoot();

    /// @notice Thrown when a leaf's proof does not lead to the claimable root.
    /// @param user The leaf's user.
    /// @param token The leaf's token.
    /// @param cumulativeAmount The leaf's cumulative amount.
    error InvalidProof(address user, address token, uint256 cumulativeAmount);

    /// @notice Thrown when no leaf of a claim pays anything: every user has already claimed its cumulative amount.
    error NothingToClaim();

    /// @notice Thrown when the contract holds less of a token than a leaf owes; nothing is paid or recorded, and the
    /// same claim succeeds once the campaign has sent more of the token.
    /// @param token The token.
    /// @param owed The amount the leaf owes now.
    /// @param balance The contract's balance of the token.
    error InsufficientFunds(address token, uint256 owed, uint256 balance);

    /// @notice Proposes a new root of cumulative amounts. Only the operator.
    /// @dev A root whose window has passed becomes the claimable root here if no claim did it before; a root still
    /// in its window blocks the proposal (`RootPending`). Each root must carry every earlier reward (cumulative
    /// amounts never decrease), so skipping a cancelled or superseded root loses no one anything.
    /// @param root The root of the new tree.
    function proposeRoot(bytes32 root) external;

    /// @notice Cancels the root in its dispute window. Only the guardian; it has no other power. The previous root
    /// stays claimable.
    function cancelRoot() external;

    /// @notice Pays each listed leaf its cumulative amount minus what its user has already claimed of its token.
    /// Anyone may submit it; tokens always go to the user named in the leaf.
    /// @dev Leaves that owe nothing are skipped; the call reverts with `NothingToClaim` when none pays. One
    /// invalid proof or one underfunded token reverts the whole call.
    /// @dev Warning: fee-on-transfer and rebasing tokens are not supported: the user would receive a different
    /// amount than the one recorded as claimed.
    /// @param users The users named in the leaves.
    /// @param tokens The tokens of the leaves.
    /// @param cumulativeAmounts The leaves' cumulative amounts.
    /// @param proofs Each leaf's proof against the claimable root.
    function claim(
        address[] calldata users,
        address[] calldata tokens,
        uint256[] calldata cumulativeAmounts,
        bytes32[][] calldata proofs
    ) external;

    /// @notice The root claims are checked against now: the latest proposed root whose window has passed without a
    /// cancellation, or zero before the first one.
    /// @return The claimable root.
    function claimableRoot() external view returns (bytes32);

    /// @notice The root in its dispute window, if any.
    /// @return root The pending root, or zero when none is in its window.
    /// @return claimableAt When it becomes claimable, or zero when none is in its window.
    function pendingRoot() external view returns (bytes32 root, uint256 claimableAt);

    /// @notice How much of `token` `user` has claimed in total.
    /// @param user The user.
    /// @param token The token.
    /// @return The cumulative amount claimed.
    function claimed(address user, address token) external view returns (uint256);

    /// @notice The only account allowed to propose roots.
    /// @return The operator.
    function OPERATOR() external view returns (address);

    /// @notice The only account allowed to cancel a root in its dispute window.
    /// @return The guardian.
    function GUARDIAN() external view returns (address);

    /// @notice The seconds between a root's proposal and the moment it becomes claimable.
    /// @return The dispute window.
    function DISPUTE_WINDOW() external view returns (uint256);
}
