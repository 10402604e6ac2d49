// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {
    INonfungiblePositionManager as IFerryNonfungiblePositionManager
} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../../src/interfaces/external/IUniswapV3Pool.sol";
import {WorldTest} from "../utils/WorldTest.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";
import {
    INonfungiblePositionManager,
    ISwapRouter,
    IUniswapV3Factory,
    IV3Migrator
} from "../utils/interfaces/IUniswapV3.sol";

/// @notice Proves the world's Uniswap V3 is the real one: pools at the world price, mint and collect, the
/// reference V3Migrator, the real token descriptor and the mainnet pool init code hash.
contract UniswapV3WorldTest is WorldTest {
    /// @dev PoolAddress.POOL_INIT_CODE_HASH on mainnet.
    bytes32 internal constant POOL_INIT_CODE_HASH = 0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54;

    INonfungiblePositionManager internal npm;

    function setUp() public override {
        super.setUp();
        npm = INonfungiblePositionManager(V3_NPM);
    }

    function test_PoolAddresses_MatchMainnetInitCodeHash() public view {
        (address token0, address token1) = WETH < USDC ? (WETH, USDC) : (USDC, WETH);
        bytes32 salt = keccak256(abi.encode(token0, token1, uint24(500)));
        address expected =
            address(uint160(uint256(keccak256(abi.encodePacked(hex"ff", V3_FACTORY, salt, POOL_INIT_CODE_HASH)))));
        assertEq(v3Pool("WETH_USDC_500"), expected, "pool address derived with the mainnet init code hash");
    }

    function test_Pools_InitialisedAtWorldPriceOrLeftEmpty() public view {
        assertApproxEqRel(_usdcPerWeth(v3Pool("WETH_USDC_500")), 3000e6, 1e12, "0.05 % pool at 3000");
        assertApproxEqRel(_usdcPerWeth(v3Pool("WETH_USDC_3000")), 3000e6, 1e12, "0.3 % pool at 3000");
        (uint160 linkPrice,,,,,,) = IUniswapV3Pool(v3Pool("LINK_WETH_3000")).slot0();
        assertEq(linkPrice, 0, "LINK/WETH pool exists but is not initialised");
        assertEq(IUniswapV3Factory(V3_FACTORY).feeAmountTickSpacing(100), 1, "0.01 % tier enabled as on mainnet");
        assertEq(IUniswapV3Factory(V3_FACTORY).getPool(DAI, USDC, 500), address(0), "DAI/USDC 0.05 % not created");
    }

    function test_MintAndCollect_EarnsSwapFees() public {
        uint256 tokenId = _mintAroundPrice(alice, 1 ether, 3000e6);
        _swapWethForUsdc(bob, 10 ether);

        uint256 wethBefore = IERC20Minimal(WETH).balanceOf(alice);
        // collect pokes the pool (burn of zero liquidity) so the swap's fees are credited first.
        vm.prank(alice);
        (uint256 collected0, uint256 collected1) = npm.collect(
            IFerryNonfungiblePositionManager.CollectParams(tokenId, alice, type(uint128).max, type(uint128).max)
        );
        uint256 collectedWeth = WETH < USDC ? collected0 : collected1;

        // 0.05 % of 10 WETH, shared with the seeded full-range liquidity: a positive fraction reaches alice.
        assertGt(collectedWeth, 0, "bob's WETH swap paid fees to alice's range");
        assertLt(collectedWeth, 0.005 ether, "fees cannot exceed the whole swap fee");
        assertEq(IERC20Minimal(WETH).balanceOf(alice) - wethBefore, collectedWeth, "fees reached alice");
    }

    function test_TokenUri_RendersWithTheRealDescriptor() public {
        uint256 tokenId = _mintAroundPrice(alice, 1 ether, 3000e6);
        string memory uri = npm.tokenURI(tokenId);
        assertEq(_prefix(uri, 29), "data:application/json;base64,", "descriptor renders an on-chain JSON");
    }

    function test_V3Migrator_MovesAliceV2LiquidityIntoV3() public {
        IUniswapV2Pair pair = IUniswapV2Pair(v2Pair("WETH_USDC"));
        uint256 liquidity = pair.balanceOf(alice);
        uint256 positionsBefore = npm.balanceOf(alice);
        (address token0, address token1) = WETH < USDC ? (WETH, USDC) : (USDC, WETH);

        vm.startPrank(alice);
        pair.approve(V3_MIGRATOR, liquidity);
        IV3Migrator(V3_MIGRATOR)
            .migrate(
                IV3Migrator.MigrateParams({
                pair: address(pair),
                liquidityToMigrate: liquidity,
                percentageToMigrate: 100,
                token0: token0,
                token1: token1,
                fee: 500,
                tickLower: -887270,
                tickUpper: 887270,
                amount0Min: 0,
                amount1Min: 0,
                recipient: alice,
                deadline: block.timestamp,
                refundAsETH: false
            })
            );
        vm.stopPrank();

        assertEq(pair.balanceOf(alice), 0, "V2 LP fully migrated");
        assertEq(npm.balanceOf(alice), positionsBefore + 1, "alice received a V3 position");
        uint256 tokenId = npm.tokenOfOwnerByIndex(alice, positionsBefore);
        (,,,, uint24 fee,,, uint128 newLiquidity,,,,) = npm.positions(tokenId);
        assertEq(fee, 500, "migrated into the 0.05 % pool");
        assertGt(newLiquidity, 0, "position holds liquidity");
    }

    function test_DemoAccounts_HoldInAndOutOfRangePositions() public view {
        assertEq(npm.balanceOf(alice), 1, "alice holds one V3 position");
        assertEq(npm.balanceOf(bob), 2, "bob holds two V3 positions");
        assertTrue(_inRange(npm.tokenOfOwnerByIndex(alice, 0)), "alice's WETH/USDC position is in range");
        assertFalse(_inRange(npm.tokenOfOwnerByIndex(bob, 0)), "bob's WETH/USDC 0.3 % position is out of range");
        assertTrue(_inRange(npm.tokenOfOwnerByIndex(bob, 1)), "bob's DAI/USDC position is in range");
    }

    function _inRange(uint256 tokenId) private view returns (bool) {
        (,, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity,,,,) =
            npm.positions(tokenId);
        (, int24 tick,,,,,) = IUniswapV3Pool(IUniswapV3Factory(V3_FACTORY).getPool(token0, token1, fee)).slot0();
        return liquidity > 0 && tickLower <= tick && tick < tickUpper;
    }

    function _mintAroundPrice(address owner, uint256 wethAmount, uint256 usdcAmount) private returns (uint256 tokenId) {
        (, int24 tick,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_500")).slot0();
        int24 center = tick / 10 * 10;
        (address token0, address token1) = WETH < USDC ? (WETH, USDC) : (USDC, WETH);
        (uint256 amount0, uint256 amount1) = WETH < USDC ? (wethAmount, usdcAmount) : (usdcAmount, wethAmount);
        vm.startPrank(owner);
        IERC20Minimal(WETH).approve(V3_NPM, wethAmount);
        IERC20Minimal(USDC).approve(V3_NPM, usdcAmount);
        (tokenId,,,) = npm.mint(
            IFerryNonfungiblePositionManager.MintParams(
                token0, token1, 500, center - 100, center + 100, amount0, amount1, 0, 0, owner, block.timestamp
            )
        );
        vm.stopPrank();
    }

    function _swapWethForUsdc(address trader, uint256 amountIn) private {
        vm.startPrank(trader);
        IERC20Minimal(WETH).approve(V3_SWAP_ROUTER, amountIn);
        ISwapRouter(V3_SWAP_ROUTER)
            .exactInputSingle(
                ISwapRouter.ExactInputSingleParams(WETH, USDC, 500, trader, block.timestamp, amountIn, 0, 0)
            );
        vm.stopPrank();
    }

    /// @dev USDC units per whole WETH from the pool's sqrt price.
    function _usdcPerWeth(address pool) private view returns (uint256) {
        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
        uint256 priceX192 = uint256(sqrtPriceX96) * sqrtPriceX96;
        return WETH < USDC ? (priceX192 * 1e18) >> 192 : (1e18 << 192) / priceX192;
    }

    function _prefix(string memory text, uint256 length) private pure returns (string memory) {
        bytes memory prefix = new bytes(length);
        for (uint256 i; i < length; ++i) {
            prefix[i] = bytes(text)[i];
        }
        return string(prefix);
    }
}
