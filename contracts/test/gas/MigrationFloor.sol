// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {INonfungiblePositionManager} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice The protocol work of a V2 → V3 migration and nothing else: permit, move the LP to the pair, burn, mint a
/// new NFT, return the leftovers. No checks, bounds, deadline, lock or event — unsafe, for the gas table only: it
/// is the floor any migrator that mints a new position pays, so Ferry's overhead is what it costs above this.
contract MigrationFloor {
    INonfungiblePositionManager private immutable NPM;

    /// @dev Standing approvals, as Ferry's steady state has them.
    constructor(INonfungiblePositionManager npm, address token0, address token1) {
        NPM = npm;
        IERC20(token0).approve(address(npm), type(uint256).max);
        IERC20(token1).approve(address(npm), type(uint256).max);
    }

    function migrate(
        IUniswapV2Pair pair,
        uint256 liquidity,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s,
        INonfungiblePositionManager.MintParams calldata mint
    ) external {
        pair.permit(msg.sender, address(this), liquidity, deadline, v, r, s);
        IERC20(address(pair)).transferFrom(msg.sender, address(pair), liquidity);
        (uint256 amount0, uint256 amount1) = pair.burn(address(this));
        INonfungiblePositionManager.MintParams memory params = mint;
        (params.amount0Desired, params.amount1Desired, params.recipient) = (amount0, amount1, msg.sender);
        (,, uint256 used0, uint256 used1) = NPM.mint(params);
        if (amount0 > used0) IERC20(mint.token0).transfer(msg.sender, amount0 - used0);
        if (amount1 > used1) IERC20(mint.token1).transfer(msg.sender, amount1 - used1);
    }
}
