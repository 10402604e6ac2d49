// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RewardsDistributor} from "../src/RewardsDistributor.sol";
import {RewardsDeployment} from "./RewardsDeployment.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Script} from "forge-std/Script.sol";

/// @title DeployRewards
/// @notice Deploys a campaign's RewardsDistributor, funds it, and records it in `lib/rewards.json` as
/// `{ "<chainId>": { "distributor": "0x…", "rewardToken": "0x…", "deployBlock": N } }`, keeping other chains' entries.
/// Environment: `REWARDS_GUARDIAN` (required, not the operator), `REWARDS_OPERATOR` (default: the broadcaster),
/// `REWARDS_DISPUTE_WINDOW` in seconds (default 1 hour), `REWARDS_TOKEN` (default: deploy a `RewardToken`),
/// `REWARDS_FUNDING` in the token's smallest unit, sent from the broadcaster (default 1,000,000e18),
/// `REWARDS_JSON` (overrides the output path; the script's test).
/// Run: `REWARDS_GUARDIAN=0x… forge script script/DeployRewards.s.sol --rpc-url <url> --broadcast --private-key <key>`.
contract DeployRewards is Script {
    string internal constant DEFAULT_REWARDS_PATH = "../lib/rewards.json";
    uint256 internal constant DEFAULT_DISPUTE_WINDOW = 1 hours;
    uint256 internal constant DEFAULT_FUNDING = 1_000_000e18;

    function run() external returns (IERC20 token, RewardsDistributor distributor) {
        vm.startBroadcast();
        (, address broadcaster,) = vm.readCallers();
        (token, distributor) = RewardsDeployment.deploy(
            RewardsDeployment.Config({
                operator: vm.envOr("REWARDS_OPERATOR", broadcaster),
                guardian: vm.envAddress("REWARDS_GUARDIAN"),
                disputeWindow: vm.envOr("REWARDS_DISPUTE_WINDOW", DEFAULT_DISPUTE_WINDOW),
                token: vm.envOr("REWARDS_TOKEN", address(0)),
                funding: vm.envOr("REWARDS_FUNDING", DEFAULT_FUNDING)
            })
        );
        vm.stopBroadcast();
        _record(address(distributor), address(token));
    }

    /// @dev `deployBlock` is the block the script ran against: a safe lower bound for indexers.
    function _record(address distributor, address token) internal {
        string memory path = vm.envOr("REWARDS_JSON", DEFAULT_REWARDS_PATH);
        if (vm.exists(path)) vm.serializeJson("rewards", vm.readFile(path));
        vm.serializeAddress("chain", "distributor", distributor);
        vm.serializeAddress("chain", "rewardToken", token);
        string memory chain = vm.serializeUint("chain", "deployBlock", block.number);
        vm.writeJson(vm.serializeString("rewards", vm.toString(block.chainid), chain), path);
    }
}
