// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {ISwapRouter} from "../utils/interfaces/IUniswapV3.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

interface IUniswapV2PairMint {
    function mint(address to) external returns (uint256 liquidity);
}

/// @notice Drives the Migrator like a crowd of users and traders would, and measures every migration from the
/// outside: what left the V2 pair, what reached the V3 pool and what came back to the user.
contract MigratorHandler is CommonBase, StdCheats, StdUtils {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    struct Route {
        address pair;
        address pool;
        address token0;
        address token1;
        uint24 fee;
        int24 tickSpacing;
    }

    struct Balances {
        uint256 pair0;
        uint256 pair1;
        uint256 pool0;
        uint256 pool1;
        uint256 user0;
        uint256 user1;
        uint256 userEth;
    }

    Migrator internal immutable MIGRATOR;
    address internal immutable WETH;
    address internal immutable SWAP_ROUTER;
    address[] internal actors;
    uint256[] internal keys;
    Route[] internal routes;

    mapping(address token => uint256) public ghostWithdrawn;
    mapping(address token => uint256) public ghostDeposited;
    mapping(address token => uint256) public ghostRefunded;
    uint256 public ghostMigrations;
    /// @dev The last position each actor minted per route, to add to it later.
    mapping(address actor => mapping(uint256 route => uint256 tokenId)) internal lastPosition;

    constructor(Migrator migrator, address weth, address swapRouter, address[] memory actors_, uint256[] memory keys_) {
        MIGRATOR = migrator;
        WETH = weth;
        SWAP_ROUTER = swapRouter;
        actors = actors_;
        keys = keys_;
    }

    function addRoute(address pair, address pool, uint24 fee, int24 tickSpacing) external {
        routes.push(Route(pair, pool, IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1(), fee, tickSpacing));
    }

    // ---------------------------------------------------------------- actions

    function migrate(uint256 actorSeed, uint256 routeSeed, uint16 percentageBps, uint24 halfWidth, bool unwrap)
        external
    {
        uint256 actorIndex = actorSeed % actors.length;
        uint256 routeIndex = routeSeed % routes.length;
        (address actor, Route memory route) = (actors[actorIndex], routes[routeIndex]);
        uint256 lpAmount = IUniswapV2Pair(route.pair).balanceOf(actor) * bound(percentageBps, 1, 10_000) / 10_000;
        if (lpAmount == 0) return;

        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _params(route, lpAmount, halfWidth);
        params.permit = _signPermit(keys[actorIndex], route.pair, lpAmount);
        if (halfWidth == 0) params.tokenId = lastPosition[actor][routeIndex];
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = IMigrator.Position(IMigrator.Route.UniswapV2ToV3, abi.encode(params));

        Balances memory before = _balances(route, actor);
        vm.prank(actor);
        MIGRATOR.migrate(positions, block.timestamp + 1 hours, unwrap);
        Balances memory afterwards = _balances(route, actor);

        ghostWithdrawn[route.token0] += before.pair0 - afterwards.pair0;
        ghostWithdrawn[route.token1] += before.pair1 - afterwards.pair1;
        ghostDeposited[route.token0] += afterwards.pool0 - before.pool0;
        ghostDeposited[route.token1] += afterwards.pool1 - before.pool1;
        ghostRefunded[route.token0] += afterwards.user0 - before.user0;
        ghostRefunded[route.token1] += afterwards.user1 - before.user1;
        ghostRefunded[WETH] += afterwards.userEth - before.userEth;
        ++ghostMigrations;
        if (halfWidth == 0 && params.tokenId == 0) {
            lastPosition[actor][routeIndex] = IERC721Enumerable(MIGRATOR.POSITION_MANAGER())
                .tokenOfOwnerByIndex(actor, IERC721Enumerable(MIGRATOR.POSITION_MANAGER()).balanceOf(actor) - 1);
        }
    }

    /// @dev A trader moves the V3 price between migrations.
    function swap(uint256 routeSeed, uint256 amountSeed, bool zeroForOne) external {
        Route memory route = routes[routeSeed % routes.length];
        address tokenIn = zeroForOne ? route.token0 : route.token1;
        uint256 amountIn = bound(amountSeed, 1, IERC20(tokenIn).balanceOf(route.pool) / 20 + 1);
        address trader = address(0x7ade);
        deal(tokenIn, trader, amountIn);
        vm.startPrank(trader);
        IERC20(tokenIn).approve(SWAP_ROUTER, amountIn);
        ISwapRouter(SWAP_ROUTER)
            .exactInputSingle(
                ISwapRouter.ExactInputSingleParams({
                tokenIn: tokenIn,
                tokenOut: zeroForOne ? route.token1 : route.token0,
                fee: route.fee,
                recipient: trader,
                deadline: block.timestamp,
                amountIn: amountIn,
                amountOutMinimum: 0,
                sqrtPriceLimitX96: 0
            })
            );
        vm.stopPrank();
    }

    /// @dev An actor adds V2 liquidity at the pair's ratio, so there is always something to migrate.
    function addV2Liquidity(uint256 actorSeed, uint256 routeSeed, uint256 shareSeed) external {
        Route memory route = routes[routeSeed % routes.length];
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(route.pair).getReserves();
        uint256 shareBps = bound(shareSeed, 1, 1000);
        deal(route.token0, route.pair, IERC20(route.token0).balanceOf(route.pair) + reserve0 * shareBps / 10_000 + 1);
        deal(route.token1, route.pair, IERC20(route.token1).balanceOf(route.pair) + reserve1 * shareBps / 10_000 + 1);
        IUniswapV2PairMint(route.pair).mint(actors[actorSeed % actors.length]);
    }

    // ---------------------------------------------------------------- views for the invariants

    function routeCount() external view returns (uint256) {
        return routes.length;
    }

    function routeAt(uint256 index) external view returns (Route memory) {
        return routes[index];
    }

    function actorList() external view returns (address[] memory) {
        return actors;
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Full range when `halfWidth` is 0, else a range around the price; the price bound is ±1% around the
    /// pool's current price and the minimums are open, as the invariants are about accounting, not slippage.
    function _params(Route memory route, uint256 lpAmount, uint24 halfWidth)
        internal
        view
        returns (IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
    {
        (uint160 sqrtPriceX96, int24 tick,,,,,) = IUniswapV3Pool(route.pool).slot0();
        (params.token0, params.token1, params.fee, params.lpAmount) = (route.token0, route.token1, route.fee, lpAmount);
        int24 spacing = route.tickSpacing;
        int24 maxTick = 887_272 / spacing * spacing;
        if (halfWidth == 0) {
            (params.tickLower, params.tickUpper) = (-maxTick, maxTick);
        } else {
            int24 width = int24(int256(bound(halfWidth, 1, 2000))) * spacing;
            int24 center = tick / spacing * spacing;
            params.tickLower = center - width < -maxTick ? -maxTick : center - width;
            params.tickUpper = center + width > maxTick ? maxTick : center + width;
        }
        params.sqrtPriceX96Min = uint160(uint256(sqrtPriceX96) * 99 / 100);
        params.sqrtPriceX96Max = uint160(uint256(sqrtPriceX96) * 101 / 100);
    }

    function _signPermit(uint256 key, address pair, uint256 value)
        internal
        view
        returns (IMigrator.PermitSignature memory permit)
    {
        address owner = vm.addr(key);
        permit.value = value;
        permit.deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                IUniswapV2Pair(pair).DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        PERMIT_TYPEHASH,
                        owner,
                        address(MIGRATOR),
                        value,
                        IUniswapV2Pair(pair).nonces(owner),
                        permit.deadline
                    )
                )
            )
        );
        (permit.v, permit.r, permit.s) = vm.sign(key, digest);
    }

    function _balances(Route memory route, address actor) internal view returns (Balances memory b) {
        b.pair0 = IERC20(route.token0).balanceOf(route.pair);
        b.pair1 = IERC20(route.token1).balanceOf(route.pair);
        b.pool0 = IERC20(route.token0).balanceOf(route.pool);
        b.pool1 = IERC20(route.token1).balanceOf(route.pool);
        b.user0 = IERC20(route.token0).balanceOf(actor);
        b.user1 = IERC20(route.token1).balanceOf(actor);
        b.userEth = actor.balance;
    }
}

interface IERC721Enumerable {
    function balanceOf(address owner) external view returns (uint256);
    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256);
}
