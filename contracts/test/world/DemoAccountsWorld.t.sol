// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WorldTest} from "../utils/WorldTest.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";

/// @notice The demo accounts hold spare wallet funds, and dev account 9 is untouched so Ferry deploys from it at
/// fixed addresses.
contract DemoAccountsWorldTest is WorldTest {
    /// @dev devnet/deploy/demo-accounts.ts WALLET_USD: 50,000 USD of every token, funded after seeding.
    uint256 internal constant WALLET_USD = 50_000;

    function test_DemoWallets_HoldFiftyThousandDollarsOfEachToken() public view {
        address[3] memory demo = [alice, bob, carol];
        for (uint256 i; i < demo.length; ++i) {
            assertGe(IERC20Minimal(USDC).balanceOf(demo[i]), WALLET_USD * 1e6, "USDC wallet");
            assertGe(IERC20Minimal(DAI).balanceOf(demo[i]), WALLET_USD * 1e18, "DAI wallet");
            assertGe(IERC20Minimal(WETH).balanceOf(demo[i]), WALLET_USD * 1e18 / 3000, "WETH wallet");
            assertGe(IERC20Minimal(WBTC).balanceOf(demo[i]), WALLET_USD * 1e8 / 60_000, "WBTC wallet");
            assertGe(IERC20Minimal(LINK).balanceOf(demo[i]), WALLET_USD * 1e18 / 15, "LINK wallet");
            assertGe(demo[i].balance, 100 ether, "ETH for gas");
        }
    }

    function test_FerryDeployer_IsUnused() public view {
        address ferryDeployer = vm.addr(vm.deriveKey(DEV_MNEMONIC, 9));
        assertEq(vm.getNonce(ferryDeployer), 0, "dev account 9 never sent a transaction");
        assertEq(IERC20Minimal(WETH).balanceOf(ferryDeployer), 0, "dev account 9 holds no world tokens");
    }
}
