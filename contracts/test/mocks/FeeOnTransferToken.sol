// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "solmate/tokens/ERC20.sol";

/// @notice An ERC20 that burns `FEE_BPS` of every transfer (like PAXG, STA or USDT with its fee switched on): the
/// recipient gets less than the amount sent.
contract FeeOnTransferToken is ERC20 {
    uint256 public constant FEE_BPS = 100;

    constructor() ERC20("Fee on transfer", "FOT", 18) {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @notice What a transfer of `amount` delivers.
    function received(uint256 amount) public pure returns (uint256) {
        return amount - amount * FEE_BPS / 10_000;
    }

    function transfer(address to, uint256 amount) public override returns (bool) {
        _burn(msg.sender, amount - received(amount));
        return super.transfer(to, received(amount));
    }

    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _burn(from, amount - received(amount));
        balanceOf[from] -= received(amount);
        unchecked {
            balanceOf[to] += received(amount);
        }
        emit Transfer(from, to, received(amount));
        return true;
    }
}
