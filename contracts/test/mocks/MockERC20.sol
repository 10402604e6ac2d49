// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "solmate/tokens/ERC20.sol";

/// @notice A plain mintable ERC20 for pairs the world does not have.
contract MockERC20 is ERC20 {
    constructor(string memory symbol, uint8 decimals_) ERC20(symbol, symbol, decimals_) {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
