// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A token without `permit` whose fallback accepts any call (like WETH9 or Multichain tokens): a
/// "permit" on it succeeds and does nothing.
contract PhantomPermitToken {
    mapping(address owner => uint256) public balanceOf;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        allowance[from][msg.sender] -= amount;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        return true;
    }

    fallback() external {}
}
