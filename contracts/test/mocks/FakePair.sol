// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice A contract posing as a Uniswap V2 pair of real tokens: it claims any permit, allowance and burn
/// succeed, and counts how often anyone believed it.
contract FakePair {
    address public immutable token0;
    address public immutable token1;
    uint256 public calls;

    constructor(address token0_, address token1_) {
        (token0, token1) = (token0_, token1_);
    }

    function allowance(address, address) external returns (uint256) {
        ++calls;
        return type(uint256).max;
    }

    function burn(address) external returns (uint256, uint256) {
        ++calls;
        return (type(uint112).max, type(uint112).max);
    }

    fallback() external {
        ++calls;
    }
}
