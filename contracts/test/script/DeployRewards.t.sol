// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DeployRewards} from "../../script/DeployRewards.s.sol";
import {RewardsDeployment} from "../../script/RewardsDeployment.sol";
import {RewardsDistributor} from "../../src/RewardsDistributor.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Test} from "forge-std/Test.sol";

contract DeployRewardsScriptTest is Test {
    using stdJson for string;

    string internal constant OUTPUT = "cache/rewards.deploy-test.json";

    function test_Run_DeploysAFundedDistributorAndRecordsItNextToOtherChains() public {
        address guardian = makeAddr("guardian");
        address operator = makeAddr("publisher");
        vm.setEnv("REWARDS_JSON", OUTPUT);
        vm.setEnv("REWARDS_GUARDIAN", vm.toString(guardian));
        vm.setEnv("REWARDS_OPERATOR", vm.toString(operator));
        vm.setEnv("REWARDS_DISPUTE_WINDOW", "600");
        vm.setEnv("REWARDS_FUNDING", "5000000000000000000000");
        vm.writeFile(OUTPUT, '{"1":{"distributor":"0x000000000000000000000000000000000000bEEF","deployBlock":7}}');

        (IERC20 token, RewardsDistributor distributor) = new DeployRewards().run();

        assertEq(distributor.OPERATOR(), operator, "operator from the environment");
        assertEq(distributor.GUARDIAN(), guardian, "guardian from the environment");
        assertEq(distributor.DISPUTE_WINDOW(), 600, "dispute window from the environment");
        assertEq(token.balanceOf(address(distributor)), 5000e18, "funded with the whole demo supply");
        assertEq(token.totalSupply(), 5000e18, "no other supply");
        string memory json = vm.readFile(OUTPUT);
        string memory chain = string.concat(".", vm.toString(block.chainid));
        assertEq(json.readAddress(string.concat(chain, ".distributor")), address(distributor), "recorded distributor");
        assertEq(json.readAddress(string.concat(chain, ".rewardToken")), address(token), "recorded token");
        assertEq(json.readUint(string.concat(chain, ".deployBlock")), block.number, "recorded deploy block");
        assertEq(json.readAddress(".1.distributor"), address(0xbEEF), "other chains kept");
    }

    function test_Deploy_FundsWithAnExistingTokenFromTheCaller() public {
        MockERC20 existing = new MockERC20("USDC", 6);
        existing.mint(address(this), 1000e6);

        (IERC20 token, RewardsDistributor distributor) = RewardsDeployment.deploy(
            RewardsDeployment.Config({
                operator: makeAddr("publisher"),
                guardian: makeAddr("guardian"),
                disputeWindow: 1 hours,
                token: address(existing),
                funding: 600e6
            })
        );

        assertEq(address(token), address(existing), "the existing token");
        assertEq(existing.balanceOf(address(distributor)), 600e6, "distributor funded");
        assertEq(existing.balanceOf(address(this)), 400e6, "funded from the caller");
    }
}
