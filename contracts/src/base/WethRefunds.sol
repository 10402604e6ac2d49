// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IWETH9} from "../interfaces/external/IWETH9.sol";
import {ERC20} from "solmate/tokens/ERC20.sol";
import {SafeTransferLib} from "solmate/utils/SafeTransferLib.sol";

/// @title WethRefunds
/// @notice Sends what a migration did not deposit back to the caller, unwrapping WETH on request.
abstract contract WethRefunds is IMigrator {
    using SafeTransferLib for ERC20;

    /// @inheritdoc IMigrator
    address public immutable WETH;

    constructor(address weth) {
        WETH = weth;
    }

    /// @notice Accepts ETH only from WETH, while it unwraps a refund.
    receive() external payable {
        if (msg.sender != WETH) revert EthNotAccepted(msg.sender);
    }

    /// @notice Sends `amount` of `token` to the caller; WETH goes out as ETH when `unwrapWeth` is set.
    /// @return asEth Whether the refund was sent as ETH.
    function _refund(address token, uint256 amount, bool unwrapWeth) internal returns (bool asEth) {
        if (amount == 0) return false;
        if (unwrapWeth && token == WETH) {
            IWETH9(WETH).withdraw(amount);
            (bool sent,) = msg.sender.call{value: amount}("");
            if (!sent) revert EthTransferFailed(msg.sender, amount);
            return true;
        }
        ERC20(token).safeTransfer(msg.sender, amount);
        return false;
    }
}
