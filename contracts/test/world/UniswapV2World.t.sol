// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {WorldTest} from "../utils/WorldTest.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";
import {IUniswapV2Factory, IUniswapV2Router02} from "../utils/interfaces/IUniswapV2.sol";

/// @notice Proves the world's Uniswap V2 is the real one: swaps at the world price, LP permits, mainnet init code hash.
contract UniswapV2WorldTest is WorldTest {
    /// @dev UniswapV2Library.pairFor's constant on mainnet.
    bytes32 internal constant PAIR_INIT_CODE_HASH = 0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    function test_PairAddresses_MatchMainnetInitCodeHash() public view {
        address pair = v2Pair("WETH_USDC");
        (address token0, address token1) = WETH < USDC ? (WETH, USDC) : (USDC, WETH);
        bytes32 salt = keccak256(abi.encodePacked(token0, token1));
        address expected =
            address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", V2_FACTORY, salt, PAIR_INIT_CODE_HASH)))));
        assertEq(pair, expected, "pair address derived with the mainnet init code hash");
        assertEq(IUniswapV2Factory(V2_FACTORY).getPair(WETH, USDC), pair, "factory knows the pair");
    }

    function test_Swap_OneWethBuysAboutThreeThousandUsdc() public {
        address[] memory path = new address[](2);
        path[0] = WETH;
        path[1] = USDC;
        uint256 usdcBefore = IERC20Minimal(USDC).balanceOf(alice);

        vm.startPrank(alice);
        IERC20Minimal(WETH).approve(V2_ROUTER, 1 ether);
        uint256[] memory amounts =
            IUniswapV2Router02(V2_ROUTER).swapExactTokensForTokens(1 ether, 0, path, alice, block.timestamp);
        vm.stopPrank();

        assertEq(IERC20Minimal(USDC).balanceOf(alice) - usdcBefore, amounts[1], "alice received the quoted output");
        // 0.3 % fee and a little price impact on a 1000 WETH deep pair.
        assertApproxEqRel(amounts[1], 2988e6, 0.002e18, "price is the world's 3000 USDC per WETH");
    }

    function test_LpPermit_LetsTheRouterRemoveAliceLiquidity() public {
        IUniswapV2Pair pair = IUniswapV2Pair(v2Pair("WETH_USDC"));
        uint256 liquidity = pair.balanceOf(alice);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                pair.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(PERMIT_TYPEHASH, alice, V2_ROUTER, liquidity, pair.nonces(alice), deadline))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        uint256 wethBefore = IERC20Minimal(WETH).balanceOf(alice);

        vm.prank(alice);
        (uint256 amountWeth, uint256 amountUsdc) = IUniswapV2Router02(V2_ROUTER)
            .removeLiquidityWithPermit(WETH, USDC, liquidity, 0, 0, alice, deadline, false, v, r, s);

        assertEq(pair.balanceOf(alice), 0, "all LP burned");
        assertEq(pair.nonces(alice), 1, "permit nonce consumed");
        assertEq(IERC20Minimal(WETH).balanceOf(alice) - wethBefore, amountWeth, "WETH returned to alice");
        // alice deposited 10,000 USD per side.
        assertApproxEqRel(amountUsdc, 10_000e6, 0.001e18, "USDC side worth what alice deposited");
    }

    function test_DemoAccounts_HoldTheirV2Liquidity() public view {
        assertGt(IUniswapV2Pair(v2Pair("WETH_USDC")).balanceOf(alice), 0, "alice LPs WETH/USDC");
        assertGt(IUniswapV2Pair(v2Pair("DAI_USDC")).balanceOf(alice), 0, "alice LPs DAI/USDC");
        assertGt(IUniswapV2Pair(v2Pair("WBTC_WETH")).balanceOf(alice), 0, "alice LPs WBTC/WETH");
        assertGt(IUniswapV2Pair(v2Pair("WETH_USDC")).balanceOf(bob), 0, "bob LPs WETH/USDC");
        assertGt(IUniswapV2Pair(v2Pair("WBTC_WETH")).balanceOf(carol), 0, "carol LPs WBTC/WETH");
        assertGt(IUniswapV2Pair(v2Pair("DAI_USDC")).balanceOf(carol), 0, "carol LPs DAI/USDC");
    }

    function test_Pairs_PriceTokensConsistently() public view {
        assertApproxEqRel(_price(v2Pair("WETH_USDC"), WETH), 3000e6, 1e12, "USDC per WETH");
        assertApproxEqRel(_price(v2Pair("DAI_USDC"), DAI), 1e6, 1e12, "USDC per DAI");
        assertApproxEqRel(_price(v2Pair("WBTC_WETH"), WBTC), 20e18, 1e12, "WETH per WBTC");
    }

    /// @dev Units of the other token per one whole `base` token, from the reserves.
    function _price(address pairAddress, address base) private view returns (uint256) {
        IUniswapV2Pair pair = IUniswapV2Pair(pairAddress);
        (uint112 reserve0, uint112 reserve1,) = pair.getReserves();
        (uint256 baseReserve, uint256 quoteReserve) =
            pair.token0() == base ? (reserve0, reserve1) : (reserve1, reserve0);
        return quoteReserve * 10 ** IERC20Minimal(base).decimals() / baseReserve;
    }
}
