// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV2ToV3Route} from "../interfaces/routes/IUniswapV2ToV3Route.sol";
import {ERC20Reads} from "./ERC20Reads.sol";
import {PullAuthorization} from "./PullAuthorization.sol";
import {ERC20} from "solmate/tokens/ERC20.sol";
import {SafeTransferLib} from "solmate/utils/SafeTransferLib.sol";

/// @title UniswapV2Withdrawal
/// @notice Takes a user's Uniswap V2 LP tokens and burns them into the pair's two tokens.
library UniswapV2Withdrawal {
    using SafeTransferLib for ERC20;

    uint16 internal constant MAX_BPS = 10_000;

    /// @notice The pair's CREATE2 address, as `UniswapV2Factory.createPair` deploys it.
    /// @dev Equal to `factory.getPair(token0, token1)` whenever that pair exists (it has code), without the
    /// factory call. Unsorted tokens give an address without code.
    function pairFor(address factory, bytes32 initCodeHash, address token0, address token1)
        internal
        pure
        returns (address)
    {
        bytes32 salt = keccak256(abi.encodePacked(token0, token1));
        return address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", factory, salt, initCodeHash)))));
    }

    /// @notice The LP amount to migrate: a share of `owner`'s live balance, or an explicit amount.
    function lpAmountOf(address pair, address owner, uint256 lpAmount, uint16 percentageBps)
        internal
        view
        returns (uint256)
    {
        if (percentageBps > MAX_BPS) revert IUniswapV2ToV3Route.InvalidPercentage(percentageBps);
        if (percentageBps != 0) lpAmount = ERC20Reads.balanceOf(pair, owner) * percentageBps / MAX_BPS;
        if (lpAmount == 0) revert IMigrator.NothingToMigrate(pair);
        return lpAmount;
    }

    /// @notice Moves `lpAmount` LP tokens of `owner` into the pair and burns them to `to`; the caller then checks its
    /// minimums with `requireMinimums`.
    /// @dev Authorised by the caller's permit or standing allowance (`PullAuthorization.permitUniswapV2Pair`: `pair` is
    /// `pairFor`'s and has code). `token0` and `token1` are the pair's. `to` is the Migrator, or a destination contract
    /// that pays from its own balance (the V4 PositionManager), which saves the tokens a transfer each.
    /// @return amount0 token0 withdrawn, as the pair reports it and as `to`'s balance grew by.
    /// @return amount1 token1 withdrawn, likewise.
    /// @return held0 `to`'s token0 balance before the burn.
    /// @return held1 `to`'s token1 balance before the burn.
    function withdraw(
        address pair,
        address owner,
        uint256 lpAmount,
        address token0,
        address token1,
        IMigrator.PermitSignature memory permit,
        address to
    ) internal returns (uint256 amount0, uint256 amount1, uint256 held0, uint256 held1) {
        PullAuthorization.permitUniswapV2Pair(pair, owner, lpAmount, permit);

        // The pair burns what it holds beyond its reserves, so the LP goes straight to it.
        ERC20(pair).safeTransferFrom(owner, pair, lpAmount);
        (amount0, amount1, held0, held1) = _burn(pair, token0, token1, to);
    }

    /// @notice Requires the withdrawal to meet the caller's minimums.
    function requireMinimums(uint256 amount0, uint256 amount1, uint256 amount0Min, uint256 amount1Min) internal pure {
        if (amount0 < amount0Min || amount1 < amount1Min) {
            revert IUniswapV2ToV3Route.WithdrawalSlippage(amount0, amount1, amount0Min, amount1Min);
        }
    }

    /// @dev Burns the LP the pair holds to `to` and requires each token's balance there to have grown by exactly what
    /// the pair reports: a fee-on-transfer or rebasing token is refused here, with a typed error, instead of failing
    /// later inside a deposit or refund transfer or leaving value behind. A balance delta rather than the balance
    /// alone, so tokens sent to `to` by anyone cannot block or mask anything.
    function _burn(address pair, address token0, address token1, address to)
        private
        returns (uint256 amount0, uint256 amount1, uint256 held0, uint256 held1)
    {
        held0 = ERC20Reads.balanceOf(token0, to);
        held1 = ERC20Reads.balanceOf(token1, to);
        (amount0, amount1) = IUniswapV2Pair(pair).burn(to);
        requireBalance(token0, to, held0 + amount0);
        requireBalance(token1, to, held1 + amount1);
    }

    /// @notice Requires `holder` to hold exactly `expected` of `token`.
    function requireBalance(address token, address holder, uint256 expected) internal view {
        uint256 actual = ERC20Reads.balanceOf(token, holder);
        if (actual != expected) revert IMigrator.TokenBalanceMismatch(token, expected, actual);
    }
}
