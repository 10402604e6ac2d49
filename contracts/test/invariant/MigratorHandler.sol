// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {IUniswapV2PairMint} from "../base/ProtocolInterfaces.sol";
import {Signatures} from "../base/Signatures.sol";
import {ISwapRouter} from "../utils/interfaces/IUniswapV3.sol";
import {MigratorApprovals} from "./MigratorApprovals.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Drives the Migrator like a crowd of users and traders would, and measures every migration from the
/// outside: what left the V2 pair, what reached the V3 pool and what came back to the user. Half the migrations are
/// made to fail on purpose, one way each, and must revert with exactly the typed error that way calls for; every
/// other call must succeed (the suite runs with `fail_on_revert`).
contract MigratorHandler is MigratorApprovals, StdCheats, StdUtils {
    /// @notice How a migration is authorised or what it gets wrong on purpose. The first three must succeed.
    enum Case {
        SignedPermit,
        StandingApproval,
        FrontRunPermit,
        Paused,
        DeadlinePassed,
        UnsortedTokens,
        InvalidPercentage,
        ShortAllowance,
        WithdrawalSlippage,
        PriceOutOfBounds,
        ForeignPosition,
        PositionMismatch,
        DepositSlippage
    }

    uint256 internal constant SUCCESS_CASES = 3;
    uint256 internal constant FAULT_CASES = 10;

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

    /// @dev One migrate call as built: who, where, what, and the revert it must produce (empty: must succeed).
    struct Call {
        uint256 actorIndex;
        uint256 routeIndex;
        Case kind;
        bool fullRange;
        IUniswapV2ToV3Route.UniswapV2ToV3Params params;
        uint256 deadline;
        bytes expectedError;
        /// @dev Match only the error's selector: its arguments depend on amounts known only inside the call.
        bool selectorOnly;
    }

    Migrator internal immutable MIGRATOR;
    address internal immutable WETH;
    address internal immutable SWAP_ROUTER;
    address internal immutable GUARDIAN;
    /// @dev Submits users' signed permits before them, as anyone watching the mempool can.
    address internal constant RELAYER = address(0xfee1);
    address internal constant TRADER = address(0x7ade);
    address[] internal actors;
    uint256[] internal keys;
    Route[] internal routes;

    mapping(address token => uint256) public ghostWithdrawn;
    mapping(address token => uint256) public ghostDeposited;
    mapping(address token => uint256) public ghostRefunded;
    uint256 public ghostMigrations;
    mapping(Case kind => uint256) public ghostCalls;
    /// @dev The last full-range position each actor minted per route, to add to it later.
    mapping(address actor => mapping(uint256 route => uint256 tokenId)) internal lastPosition;

    constructor(
        Migrator migrator,
        address weth,
        address swapRouter,
        address guardian,
        address[] memory actors_,
        uint256[] memory keys_
    ) {
        MIGRATOR = migrator;
        WETH = weth;
        SWAP_ROUTER = swapRouter;
        GUARDIAN = guardian;
        actors = actors_;
        keys = keys_;
    }

    function addRoute(address pair, address pool, uint24 fee, int24 tickSpacing) external {
        routes.push(Route(pair, pool, IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1(), fee, tickSpacing));
    }

    /// @notice Gives every actor a small full-range position on every route before the campaign, so that adding to
    /// one's own position and naming another's are there to try from the first call.
    function seedPositions() external {
        INonfungiblePositionManager positionManager = INonfungiblePositionManager(MIGRATOR.POSITION_MANAGER());
        for (uint256 r; r < routes.length; ++r) {
            Route memory route = routes[r];
            (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(route.pair).getReserves();
            int24 maxTick = 887_272 / route.tickSpacing * route.tickSpacing;
            for (uint256 a; a < actors.length; ++a) {
                (uint256 amount0, uint256 amount1) = (uint256(reserve0) / 1e6 + 1, uint256(reserve1) / 1e6 + 1);
                deal(route.token0, address(this), amount0);
                deal(route.token1, address(this), amount1);
                IERC20(route.token0).approve(address(positionManager), amount0);
                IERC20(route.token1).approve(address(positionManager), amount1);
                (lastPosition[actors[a]][r],,,) = positionManager.mint(
                    INonfungiblePositionManager.MintParams({
                        token0: route.token0,
                        token1: route.token1,
                        fee: route.fee,
                        tickLower: -maxTick,
                        tickUpper: maxTick,
                        amount0Desired: amount0,
                        amount1Desired: amount1,
                        amount0Min: 0,
                        amount1Min: 0,
                        recipient: actors[a],
                        deadline: block.timestamp
                    })
                );
            }
        }
    }

    // ---------------------------------------------------------------- actions

    /// @notice An actor migrates a share of their LP, full range (adding to their last full-range position when they
    /// have one) or around the price; `caseSeed` picks the authorisation or the fault.
    function migrate(
        uint256 actorSeed,
        uint256 routeSeed,
        uint16 percentageBps,
        uint24 halfWidth,
        bool unwrap,
        uint256 caseSeed
    ) external {
        Call memory call = _build(actorSeed, routeSeed, percentageBps, halfWidth, caseSeed);
        ++ghostCalls[call.kind];
        address actor = actors[call.actorIndex];
        Route memory route = routes[call.routeIndex];
        if (call.kind == Case.Paused) {
            vm.prank(GUARDIAN);
            MIGRATOR.setPaused(true);
        }

        Balances memory before = _balances(route, actor);
        _watchApprovals();
        if (call.expectedError.length != 0) {
            if (call.selectorOnly) vm.expectPartialRevert(bytes4(call.expectedError));
            else vm.expectRevert(call.expectedError);
        }
        vm.prank(actor);
        MIGRATOR.migrate(_batch(call.params), call.deadline, unwrap);
        _recordApprovals(address(MIGRATOR));

        if (call.kind == Case.Paused) {
            vm.prank(GUARDIAN);
            MIGRATOR.setPaused(false);
        }
        if (call.expectedError.length == 0) _account(call, route, actor, before);
    }

    /// @dev A trader moves the V3 price between migrations.
    function swap(uint256 routeSeed, uint256 amountSeed, bool zeroForOne) external {
        Route memory route = routes[routeSeed % routes.length];
        address tokenIn = zeroForOne ? route.token0 : route.token1;
        uint256 amountIn = bound(amountSeed, 1, IERC20(tokenIn).balanceOf(route.pool) / 20 + 1);
        deal(tokenIn, TRADER, amountIn);
        vm.startPrank(TRADER);
        IERC20(tokenIn).approve(SWAP_ROUTER, amountIn);
        ISwapRouter(SWAP_ROUTER)
            .exactInputSingle(
                ISwapRouter.ExactInputSingleParams({
                tokenIn: tokenIn,
                tokenOut: zeroForOne ? route.token1 : route.token0,
                fee: route.fee,
                recipient: TRADER,
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

    // ---------------------------------------------------------------- building a call

    function _build(uint256 actorSeed, uint256 routeSeed, uint16 percentageBps, uint24 halfWidth, uint256 caseSeed)
        internal
        returns (Call memory call)
    {
        call.actorIndex = actorSeed % actors.length;
        call.routeIndex = routeSeed % routes.length;
        call.kind = _case(call.actorIndex, call.routeIndex, halfWidth, caseSeed);
        call.fullRange = _fullRange(halfWidth);
        Route memory route = routes[call.routeIndex];
        address actor = actors[call.actorIndex];

        uint16 share = uint16(bound(percentageBps, 1, 10_000));
        uint256 lpAmount = IUniswapV2Pair(route.pair).balanceOf(actor) * share / 10_000;
        call.params = _params(route, lpAmount, call.fullRange ? 0 : halfWidth);
        // Both ways of naming the amount: a share of the balance at execution, or the amount itself.
        if (caseSeed & (1 << 128) != 0) (call.params.lpAmount, call.params.percentageBps) = (0, share);
        if (call.fullRange) call.params.tokenId = lastPosition[actor][call.routeIndex];
        call.deadline = block.timestamp + 1 hours;

        // Faults caught before the LP amount is known come first, as in the Migrator; then an empty amount.
        if (call.kind == Case.Paused) {
            call.expectedError = abi.encodeWithSelector(IMigrator.MigrationsPaused.selector);
        } else if (call.kind == Case.DeadlinePassed) {
            call.deadline = block.timestamp - 1;
            call.expectedError =
                abi.encodeWithSelector(IMigrator.DeadlinePassed.selector, call.deadline, block.timestamp);
        } else if (call.kind == Case.UnsortedTokens) {
            (call.params.token0, call.params.token1) = (route.token1, route.token0);
            call.expectedError =
                abi.encodeWithSelector(IUniswapV2ToV3Route.PairNotFound.selector, route.token1, route.token0);
        } else if (call.kind == Case.InvalidPercentage) {
            call.params.percentageBps = uint16(bound(percentageBps, 10_001, type(uint16).max));
            call.expectedError =
                abi.encodeWithSelector(IUniswapV2ToV3Route.InvalidPercentage.selector, call.params.percentageBps);
        } else if (lpAmount == 0) {
            call.expectedError = abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, route.pair);
        } else {
            _applyLateFault(call, route, lpAmount);
        }
        _authorise(call, route, lpAmount);
    }

    /// @dev Half the calls must succeed; the other half each carry one fault.
    function _case(uint256 actorIndex, uint256 routeIndex, uint24 halfWidth, uint256 caseSeed)
        internal
        view
        returns (Case kind)
    {
        kind = caseSeed % 2 == 0
            ? Case((caseSeed >> 1) % SUCCESS_CASES)
            : Case(SUCCESS_CASES + (caseSeed >> 1) % FAULT_CASES);
        // Faults on an existing position need one: the other actor's, or the caller's own full-range one.
        bool noForeign = lastPosition[actors[(actorIndex + 1) % actors.length]][routeIndex] == 0;
        bool noOwn = !_fullRange(halfWidth) || lastPosition[actors[actorIndex]][routeIndex] == 0;
        if ((kind == Case.ForeignPosition && noForeign) || (kind == Case.PositionMismatch && noOwn)) {
            kind = Case.SignedPermit;
        }
    }

    /// @dev The faults the Migrator finds once it knows the amount, in the order it checks them.
    function _applyLateFault(Call memory call, Route memory route, uint256 lpAmount) internal view {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = call.params;
        if (call.kind == Case.ShortAllowance) {
            call.expectedError =
                abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, route.pair, lpAmount - 1, lpAmount);
        } else if (call.kind == Case.WithdrawalSlippage) {
            (uint256 amount0, uint256 amount1) = _expectedWithdrawal(route, lpAmount);
            (params.amount0MinWithdrawn, params.amount1MinWithdrawn) = (amount0, amount1 + 1);
            call.expectedError = abi.encodeWithSelector(
                IUniswapV2ToV3Route.WithdrawalSlippage.selector, amount0, amount1, amount0, amount1 + 1
            );
        } else if (call.kind == Case.PriceOutOfBounds) {
            (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(route.pool).slot0();
            params.sqrtPriceX96Min = sqrtPriceX96 + 1;
            call.expectedError = abi.encodeWithSelector(
                IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                route.pool,
                sqrtPriceX96,
                params.sqrtPriceX96Min,
                params.sqrtPriceX96Max
            );
        } else if (call.kind == Case.ForeignPosition) {
            address other = actors[(call.actorIndex + 1) % actors.length];
            params.tokenId = lastPosition[other][call.routeIndex];
            call.expectedError =
                abi.encodeWithSelector(IUniswapV2ToV3Route.NotPositionOwner.selector, params.tokenId, other);
        } else if (call.kind == Case.PositionMismatch) {
            params.tickLower += route.tickSpacing;
            call.expectedError = abi.encodeWithSelector(IUniswapV2ToV3Route.PositionMismatch.selector, params.tokenId);
        } else if (call.kind == Case.DepositSlippage) {
            params.amount0MinDeposited = type(uint256).max;
            (call.expectedError, call.selectorOnly) =
            (abi.encodePacked(IUniswapV2ToV3Route.DepositSlippage.selector), true);
        }
    }

    /// @dev Signs a permit for the amount (one wei short for `ShortAllowance`), or approves it beforehand, or lets a
    /// relayer submit the permit first: the Migrator must go on with the allowance the permit set.
    function _authorise(Call memory call, Route memory route, uint256 lpAmount) internal {
        address actor = actors[call.actorIndex];
        if (call.kind == Case.StandingApproval) {
            vm.prank(actor);
            IUniswapV2Pair(route.pair).approve(address(MIGRATOR), lpAmount);
            return;
        }
        uint256 value = call.kind == Case.ShortAllowance && lpAmount != 0 ? lpAmount - 1 : lpAmount;
        IMigrator.PermitSignature memory permit =
            Signatures.pairPermit(keys[call.actorIndex], route.pair, address(MIGRATOR), value, call.deadline);
        call.params.permit = permit;
        if (call.kind == Case.FrontRunPermit) {
            vm.prank(RELAYER);
            IUniswapV2Pair(route.pair)
                .permit(actor, address(MIGRATOR), permit.value, permit.deadline, permit.v, permit.r, permit.s);
        }
    }

    /// @dev A third of the migrations go full range, where positions are reused and the position faults apply.
    function _fullRange(uint24 halfWidth) internal pure returns (bool) {
        return halfWidth % 3 == 0;
    }

    /// @dev Full range when `halfWidth` is 0, else a range around the price; the price bound is ±1% around the
    /// pool's current price and the minimums are open: the faults set them where they must fail.
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

    // ---------------------------------------------------------------- measuring a migration

    function _account(Call memory call, Route memory route, address actor, Balances memory before) internal {
        Balances memory afterwards = _balances(route, actor);
        ghostWithdrawn[route.token0] += before.pair0 - afterwards.pair0;
        ghostWithdrawn[route.token1] += before.pair1 - afterwards.pair1;
        ghostDeposited[route.token0] += afterwards.pool0 - before.pool0;
        ghostDeposited[route.token1] += afterwards.pool1 - before.pool1;
        ghostRefunded[route.token0] += afterwards.user0 - before.user0;
        ghostRefunded[route.token1] += afterwards.user1 - before.user1;
        ghostRefunded[WETH] += afterwards.userEth - before.userEth;
        ++ghostMigrations;
        if (call.fullRange && call.params.tokenId == 0) {
            IERC721Enumerable positionManager = IERC721Enumerable(MIGRATOR.POSITION_MANAGER());
            lastPosition[actor][call.routeIndex] =
                positionManager.tokenOfOwnerByIndex(actor, positionManager.balanceOf(actor) - 1);
        }
    }

    /// @dev What a burn of `lpAmount` returns: the pair pays pro rata of its balances (the factory's fee is off).
    function _expectedWithdrawal(Route memory route, uint256 lpAmount) internal view returns (uint256, uint256) {
        uint256 supply = IERC20(route.pair).totalSupply();
        return (
            lpAmount * IERC20(route.token0).balanceOf(route.pair) / supply,
            lpAmount * IERC20(route.token1).balanceOf(route.pair) / supply
        );
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

    function _batch(IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position[] memory)
    {
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = IMigrator.Position(IMigrator.Route.UniswapV2ToV3, abi.encode(params));
        return positions;
    }
}

interface IERC721Enumerable {
    function balanceOf(address owner) external view returns (uint256);
    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256);
}
