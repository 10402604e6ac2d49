// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";
import {Vm} from "forge-std/Vm.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Ghost set of every (token, spender) the Migrator ever approved, read from the ERC-20 `Approval` events of
/// the calls a handler makes: the allowance invariant then covers any spender, not a list someone thought of.
abstract contract MigratorApprovals is CommonBase {
    bytes32 private constant APPROVAL_TOPIC = keccak256("Approval(address,address,uint256)");

    struct Approval {
        address token;
        address spender;
    }

    Approval[] private approvals;
    mapping(address token => mapping(address spender => bool)) private recorded;

    /// @dev Starts capturing the logs of the next calls; `_recordApprovals` reads them.
    function _watchApprovals() internal {
        vm.recordLogs();
    }

    /// @dev Adds every ERC-20 approval by `owner` logged since `_watchApprovals` to the set. An ERC-20 `Approval`
    /// has three topics; ERC-721's, with the same signature, has four and grants no token allowance.
    function _recordApprovals(address owner) internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory log = logs[i];
            if (log.topics.length != 3 || log.topics[0] != APPROVAL_TOPIC) continue;
            if (address(uint160(uint256(log.topics[1]))) != owner) continue;
            address spender = address(uint160(uint256(log.topics[2])));
            if (recorded[log.emitter][spender]) continue;
            recorded[log.emitter][spender] = true;
            approvals.push(Approval(log.emitter, spender));
        }
    }

    /// @notice How many distinct (token, spender) pairs were recorded so far.
    function approvalCount() external view returns (uint256) {
        return approvals.length;
    }

    /// @notice The first recorded approval of `owner` still standing to a spender other than `allowedSpender`, or
    /// zeros when there is none.
    function standingApproval(address owner, address allowedSpender)
        external
        view
        returns (address token, address spender, uint256 allowance)
    {
        for (uint256 i; i < approvals.length; ++i) {
            Approval memory approval = approvals[i];
            if (approval.spender == allowedSpender) continue;
            allowance = IERC20(approval.token).allowance(owner, approval.spender);
            if (allowance != 0) return (approval.token, approval.spender, allowance);
        }
    }
}
