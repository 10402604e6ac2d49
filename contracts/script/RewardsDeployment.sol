// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {RewardsDistributor} from "../src/RewardsDistributor.sol";
import {RewardToken} from "./RewardToken.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title RewardsDeployment
/// @notice The one place that deploys a campaign's RewardsDistributor and funds it; the deploy script and the tests
/// both use it.
library RewardsDeployment {
    using SafeERC20 for IERC20;

    /// @notice A campaign's distributor parameters.
    /// @param operator Proposes roots (the publisher's account).
    /// @param guardian Can cancel a root during its dispute window.
    /// @param disputeWindow Seconds between a root's proposal and its first claim.
    /// @param token The reward token, or zero to deploy a `RewardToken` whose whole supply funds the distributor.
    /// @param funding The amount sent to the distributor, from the caller.
    struct Config {
        address operator;
        address guardian;
        uint256 disputeWindow;
        address token;
        uint256 funding;
    }

    /// @notice Deploys the distributor (and the demo token when `config.token` is zero) and funds it from the
    /// caller's balance.
    function deploy(Config memory config) internal returns (IERC20 token, RewardsDistributor distributor) {
        distributor = new RewardsDistributor(config.operator, config.guardian, config.disputeWindow);
        token = config.token == address(0)
            ? IERC20(address(new RewardToken("Ferry Reward", "FRWD", config.funding)))
            : IERC20(config.token);
        token.safeTransfer(address(distributor), config.funding);
    }
}
