// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as INpm} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV3ToV4Route} from "../../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {ISwapRouter} from "../utils/interfaces/IUniswapV3.sol";
import {IV4PositionManager, IV4StateView, PoolKey as WorldPoolKey} from "../utils/interfaces/IUniswapV4.sol";
import {MigratorTest} from "./MigratorTest.sol";
import {Signatures} from "./Signatures.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Helpers for the routes into Uniswap V4: V3 positions to migrate, V4 destinations bounded around the
/// pool's price, the ERC-721 permit, and the zero-residue check on every contract a V4 migration touches.
abstract contract V4MigratorTest is MigratorTest {
    using PoolIdLibrary for PoolKey;

    /// @dev The V3 pool the positions to migrate live in (WETH is token0 in the world).
    address internal v3WethUsdc;

    function setUp() public virtual override {
        super.setUp();
        v3WethUsdc = v3Pool("WETH_USDC_3000");
    }

    // ---------------------------------------------------------------- sources

    /// @notice A V3 WETH/USDC 0.3% position of `user` in [lower, upper], funded with `weth` and `usdc` dealt to them.
    function _mintV3(address user, uint256 weth, uint256 usdc, int24 lower, int24 upper)
        internal
        returns (uint256 tokenId)
    {
        deal(WETH, user, IERC20(WETH).balanceOf(user) + weth);
        deal(USDC, user, IERC20(USDC).balanceOf(user) + usdc);
        vm.startPrank(user);
        IERC20(WETH).approve(V3_NPM, weth);
        IERC20(USDC).approve(V3_NPM, usdc);
        (tokenId,,,) = INpm(V3_NPM)
            .mint(
                INpm.MintParams({
                token0: WETH,
                token1: USDC,
                fee: FEE_MEDIUM,
                tickLower: lower,
                tickUpper: upper,
                amount0Desired: weth,
                amount1Desired: usdc,
                amount0Min: 0,
                amount1Min: 0,
                recipient: user,
                deadline: _deadline()
            })
            );
        IERC20(WETH).approve(V3_NPM, 0);
        IERC20(USDC).approve(V3_NPM, 0);
        vm.stopPrank();
    }

    /// @notice A full-range V3 position of `user` with 1 WETH and the matching USDC.
    function _mintV3FullRange(address user) internal returns (uint256) {
        return _mintV3(user, 1 ether, 4000e6, FULL_RANGE_LOWER_3000, FULL_RANGE_UPPER_3000);
    }

    /// @notice Swaps `weth` WETH to USDC and the USDC back in the V3 pool, so that its positions earn fees.
    function _accrueV3Fees(uint256 weth) internal {
        address trader = makeAddr("trader");
        deal(WETH, trader, weth);
        vm.startPrank(trader);
        IERC20(WETH).approve(V3_SWAP_ROUTER, weth);
        uint256 usdc = _swapV3(WETH, USDC, weth, trader);
        IERC20(USDC).approve(V3_SWAP_ROUTER, usdc);
        _swapV3(USDC, WETH, usdc, trader);
        vm.stopPrank();
    }

    function _swapV3(address tokenIn, address tokenOut, uint256 amountIn, address recipient)
        internal
        returns (uint256)
    {
        return ISwapRouter(V3_SWAP_ROUTER)
            .exactInputSingle(
                ISwapRouter.ExactInputSingleParams({
                tokenIn: tokenIn,
                tokenOut: tokenOut,
                fee: FEE_MEDIUM,
                recipient: recipient,
                deadline: _deadline(),
                amountIn: amountIn,
                amountOutMinimum: 0,
                sqrtPriceLimitX96: 0
            })
            );
    }

    // ---------------------------------------------------------------- destinations

    /// @notice A seeded V4 pool's key, by name (see `WorldTest.v4Pool`).
    function _v4Key(string memory name) internal view returns (PoolKey memory key) {
        (WorldPoolKey memory world,) = v4Pool(name);
        key = PoolKey({
            currency0: Currency.wrap(world.currency0),
            currency1: Currency.wrap(world.currency1),
            fee: world.fee,
            tickSpacing: world.tickSpacing,
            hooks: IHooks(world.hooks)
        });
    }

    /// @notice The V4 pool's price (0 when not initialised).
    function _v4Price(PoolKey memory key) internal view returns (uint160 sqrtPriceX96) {
        (sqrtPriceX96,,,) = IV4StateView(V4_STATE_VIEW).getSlot0(PoolId.unwrap(key.toId()));
    }

    /// @notice Full range in `key`, bounded ±0.5% around `referenceSqrtPriceX96`, no deposit minimums.
    function _fullRangeDestination(PoolKey memory key, uint160 referenceSqrtPriceX96)
        internal
        pure
        returns (IUniswapV4DepositRoute.UniswapV4Destination memory destination)
    {
        destination.poolKey = key;
        destination.tickUpper = 887_272 / key.tickSpacing * key.tickSpacing;
        destination.tickLower = -destination.tickUpper;
        destination.sqrtPriceX96Min = uint160(uint256(referenceSqrtPriceX96) * (1000 - SQRT_PRICE_TOLERANCE) / 1000);
        destination.sqrtPriceX96Max = uint160(uint256(referenceSqrtPriceX96) * (1000 + SQRT_PRICE_TOLERANCE) / 1000);
    }

    /// @notice `percentageBps` of `user`'s V3 `tokenId` into the full range of the seeded V4 pool `poolName`,
    /// authorised by a fresh ERC-721 permit, fees deposited.
    function _v3ToV4Params(uint256 userKey, uint256 tokenId, uint16 percentageBps, string memory poolName)
        internal
        view
        returns (IUniswapV3ToV4Route.UniswapV3ToV4Params memory params)
    {
        PoolKey memory key = _v4Key(poolName);
        params.tokenId = tokenId;
        params.percentageBps = percentageBps;
        params.depositFees = true;
        params.permit = _signNftPermit(userKey, tokenId);
        params.destination = _fullRangeDestination(key, _v4Price(key));
    }

    function _signNftPermit(uint256 userKey, uint256 tokenId) internal view returns (IMigrator.PermitSignature memory) {
        return Signatures.nftPermit(userKey, V3_NPM, address(migrator), tokenId, _deadline());
    }

    function _v3ToV4Batch(IUniswapV3ToV4Route.UniswapV3ToV4Params memory params)
        internal
        pure
        returns (IMigrator.Position[] memory positions)
    {
        positions = new IMigrator.Position[](1);
        positions[0] = _v3ToV4Position(params);
    }

    function _v3ToV4Position(IUniswapV3ToV4Route.UniswapV3ToV4Params memory params)
        internal
        pure
        returns (IMigrator.Position memory)
    {
        return IMigrator.Position({route: IMigrator.Route.UniswapV3ToV4, params: abi.encode(params)});
    }

    // ---------------------------------------------------------------- checks

    /// @notice Asserts that no contract of a V4 migration kept anything: the Migrator and its route contract hold no
    /// WETH, USDC, ETH nor ERC-6909 claim, and the V4 PositionManager holds none of them either.
    function _assertV4Empty() internal view {
        address[3] memory holders = [address(migrator), migrator.UNISWAP_V3_TO_V4_ROUTE(), V4_POSITION_MANAGER];
        address[3] memory currencies = [WETH, USDC, address(0)];
        for (uint256 i; i < holders.length; ++i) {
            assertEq(IERC20(WETH).balanceOf(holders[i]), 0, "holds WETH after the call");
            assertEq(IERC20(USDC).balanceOf(holders[i]), 0, "holds USDC after the call");
            assertEq(holders[i].balance, 0, "holds ETH after the call");
            for (uint256 c; c < currencies.length; ++c) {
                uint256 claims = IPoolManager(V4_POOL_MANAGER).balanceOf(holders[i], uint256(uint160(currencies[c])));
                assertEq(claims, 0, "holds an ERC-6909 claim after the call");
            }
        }
    }

    /// @notice The V4 position's liquidity.
    function _v4Liquidity(uint256 tokenId) internal view returns (uint128) {
        return IV4PositionManager(V4_POSITION_MANAGER).getPositionLiquidity(tokenId);
    }
}
