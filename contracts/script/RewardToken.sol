// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title RewardToken
/// @notice The demo campaign's reward token: a fixed supply minted once to the deployer, no owner, no mint.
/// A real campaign pays an existing token instead (`REWARDS_TOKEN` in `DeployRewards.s.sol`).
contract RewardToken is ERC20 {
    constructor(string memory name, string memory symbol, uint256 supply) ERC20(name, symbol) {
        _mint(msg.sender, supply);
    }
}
