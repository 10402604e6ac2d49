// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @notice Builds reward trees in tests the way the distributor reads them: OpenZeppelin's standard leaf encoding of
/// `(user, token, cumulativeAmount)` and sorted-pair hashing. Each level pairs neighbours; an odd last node moves
/// up unpaired. (OpenZeppelin's TS builder lays nodes out differently; its trees are checked against the contract by
/// the differential test in `lib/campaign/rewardsTree.distributor.test.ts`.)
library MerkleTreeBuilder {
    /// @notice The standard leaf of `(user, token, cumulativeAmount)`.
    function leaf(address user, address token, uint256 cumulativeAmount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(user, token, cumulativeAmount))));
    }

    /// @notice The root of the tree over `leaves`.
    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        bytes32[] memory level = leaves;
        while (level.length > 1) {
            level = _parents(level);
        }
        return level[0];
    }

    /// @notice The proof of `leaves[index]`.
    function proof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory siblings) {
        siblings = new bytes32[](_depth(leaves.length));
        uint256 count;
        bytes32[] memory level = leaves;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) siblings[count++] = level[sibling];
            level = _parents(level);
            index /= 2;
        }
        assembly ("memory-safe") {
            mstore(siblings, count)
        }
    }

    function _parents(bytes32[] memory level) private pure returns (bytes32[] memory parents) {
        parents = new bytes32[]((level.length + 1) / 2);
        for (uint256 i; i < parents.length; ++i) {
            uint256 left = 2 * i;
            parents[i] =
                left + 1 < level.length ? Hashes.commutativeKeccak256(level[left], level[left + 1]) : level[left];
        }
    }

    function _depth(uint256 length) private pure returns (uint256 depth) {
        while (length > 1) {
            length = (length + 1) / 2;
            ++depth;
        }
    }
}
