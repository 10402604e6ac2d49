// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {
    INonfungiblePositionManager as IV3Positions
} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV2ToV4Route} from "../../src/interfaces/routes/IUniswapV2ToV4Route.sol";
import {IUniswapV3ToV4Route} from "../../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {IUniswapV2PairMint} from "../base/ProtocolInterfaces.sol";
import {Signatures} from "../base/Signatures.sol";
import {V4Swapper} from "../mocks/V4Swapper.sol";
import {INonfungiblePositionManager as INpm} from "../utils/interfaces/IUniswapV3.sol";
import {MigratorApprovals} from "./MigratorApprovals.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Hooks} from "@uniswap/v4-core/src/libraries/Hooks.sol";
import {StateLibrary} from "@uniswap/v4-core/src/libraries/StateLibrary.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Drives the V4 routes like a crowd of users would: fresh V3 positions and V2 LP of several users into the
/// world's WETH/USDC and native ETH/USDC V4 pools, with ETH sent along, between V4 swaps that move the prices. Half the
/// migrations carry one fault each and must revert with exactly its typed error; every other call must succeed (the
/// suite runs with `fail_on_revert`).
contract UniswapV4MigrationHandler is MigratorApprovals, StdCheats, StdUtils {
    using PoolIdLibrary for PoolKey;
    using StateLibrary for IPoolManager;

    /// @notice How a migration is authorised or what it gets wrong on purpose. The first three must succeed.
    enum Case {
        SignedPermit,
        StandingApproval,
        FrontRunPermit,
        DeadlinePassed,
        HookMayTakeDeposit,
        PriceOutOfBounds,
        ForeignPosition
    }

    uint256 internal constant SUCCESS_CASES = 3;
    uint256 internal constant FAULT_CASES = 4;
    /// @dev Submits users' signed permits before them, as anyone watching the mempool can.
    address internal constant RELAYER = address(0xfee1);
    /// @dev A hook that may return an add-liquidity delta: the routes refuse it before anything moves.
    address internal constant DELTA_HOOK =
        address(uint160(0xcafe << 16 | Hooks.AFTER_ADD_LIQUIDITY_FLAG | Hooks.AFTER_ADD_LIQUIDITY_RETURNS_DELTA_FLAG));

    /// @dev One migrate call as built: who, the case, the position, and the revert it must produce (empty: must
    /// succeed).
    struct Call {
        uint256 actorIndex;
        Case kind;
        uint256 deadline;
        bytes expected;
        IMigrator.Position position;
    }

    Migrator internal immutable MIGRATOR;
    INpm internal immutable V3_NPM;
    IPoolManager internal immutable POOL_MANAGER;
    address internal immutable PAIR;
    address internal immutable WETH;
    address internal immutable USDC;
    V4Swapper internal immutable SWAPPER;
    address[] internal actors;
    uint256[] internal keys;
    /// @dev The destinations: the WETH/USDC pool and the native ETH/USDC pool.
    PoolKey[] internal pools;

    uint256 public ghostMigrations;
    mapping(Case kind => uint256) public ghostCalls;

    constructor(
        Migrator migrator,
        address pair,
        IPoolManager poolManager,
        PoolKey[] memory pools_,
        address[] memory actors_,
        uint256[] memory keys_
    ) {
        MIGRATOR = migrator;
        V3_NPM = INpm(IUniswapV3ToV4Route(migrator.UNISWAP_V3_TO_V4_ROUTE()).V3_POSITION_MANAGER());
        POOL_MANAGER = poolManager;
        PAIR = pair;
        (WETH, USDC) = (IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1());
        SWAPPER = new V4Swapper(poolManager);
        for (uint256 i; i < pools_.length; ++i) {
            pools.push(pools_[i]);
        }
        (actors, keys) = (actors_, keys_);
    }

    // ---------------------------------------------------------------- actions

    /// @notice An actor migrates a share of a fresh full-range V3 position into a V4 pool, sending `value` ETH along.
    function migrateV3(
        uint256 actorSeed,
        uint256 poolSeed,
        uint16 percentageBps,
        uint96 wethSeed,
        bool depositFees,
        bool unwrapWeth,
        uint96 value,
        uint256 caseSeed
    ) external {
        Call memory call = _newCall(actorSeed, caseSeed, FAULT_CASES);
        // Another actor's position, which that actor approved the Migrator for: the caller is still not its owner.
        uint256 ownerIndex = call.kind == Case.ForeignPosition ? (call.actorIndex + 1) % actors.length : call.actorIndex;
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params;
        params.tokenId = _mintV3(actors[ownerIndex], bound(wethSeed, 0.1 ether, 20 ether));
        params.percentageBps = uint16(bound(percentageBps, 100, 10_000));
        params.depositFees = depositFees;
        params.destination = _destination(poolSeed);
        _applyFault(call, params.destination);
        if (call.kind == Case.ForeignPosition) {
            vm.prank(actors[ownerIndex]);
            V3_NPM.setApprovalForAll(address(MIGRATOR), true);
            call.expected = abi.encodeWithSelector(
                IMigrator.PositionNotOwned.selector, address(V3_NPM), params.tokenId, actors[ownerIndex]
            );
        } else {
            params.permit = _authoriseV3(call.kind, call.actorIndex, params.tokenId);
        }
        call.position = IMigrator.Position({route: IMigrator.Route.UniswapV3ToV4, params: abi.encode(params)});
        _migrate(call, params.destination.poolKey, unwrapWeth, value);
    }

    /// @notice An actor migrates a share of fresh V2 LP into a V4 pool, sending `value` ETH along.
    function migrateV2(
        uint256 actorSeed,
        uint256 poolSeed,
        uint16 percentageBps,
        uint256 shareSeed,
        bool unwrapWeth,
        uint96 value,
        uint256 caseSeed
    ) external {
        // No foreign position in V2: the LP pulled is always the caller's own.
        Call memory call = _newCall(actorSeed, caseSeed, FAULT_CASES - 1);
        address actor = actors[call.actorIndex];
        _mintV2(actor, bound(shareSeed, 10, 100));
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params;
        (params.token0, params.token1) = (WETH, USDC);
        params.percentageBps = uint16(bound(percentageBps, 100, 10_000));
        params.destination = _destination(poolSeed);
        _applyFault(call, params.destination);
        uint256 lpAmount = IERC20(PAIR).balanceOf(actor) * params.percentageBps / 10_000;
        params.permit = _authoriseV2(call.kind, call.actorIndex, lpAmount);
        call.position = IMigrator.Position({route: IMigrator.Route.UniswapV2ToV4, params: abi.encode(params)});
        _migrate(call, params.destination.poolKey, unwrapWeth, value);
    }

    /// @notice A trader sells USDC (either pool) or WETH (the WETH pool) into a V4 pool, moving its price.
    function swapV4(uint256 poolSeed, bool sellUsdc, uint256 amountSeed) external {
        PoolKey memory key = pools[poolSeed % pools.length];
        bool native = Currency.unwrap(key.currency0) == address(0);
        address tokenIn = sellUsdc || native ? USDC : WETH;
        uint256 amountIn = bound(amountSeed, 1e6, tokenIn == USDC ? 5000e6 : 2 ether);
        deal(tokenIn, address(SWAPPER), amountIn);
        // USDC is currency1 in both pools: selling it is one-for-zero.
        SWAPPER.swap(key, tokenIn != USDC, amountIn);
    }

    // ---------------------------------------------------------------- one call

    /// @dev Half the calls succeed, one of `SUCCESS_CASES` ways; the other half carry one of the first `faultCases`
    /// faults.
    function _newCall(uint256 actorSeed, uint256 caseSeed, uint256 faultCases)
        internal
        view
        returns (Call memory call)
    {
        call.actorIndex = actorSeed % actors.length;
        call.kind =
            Case(caseSeed % 2 == 0 ? (caseSeed >> 1) % SUCCESS_CASES : SUCCESS_CASES + (caseSeed >> 1) % faultCases);
        call.deadline = block.timestamp + 1 hours;
    }

    function _migrate(Call memory call, PoolKey memory key, bool unwrapWeth, uint96 value) internal {
        ++ghostCalls[call.kind];
        address actor = actors[call.actorIndex];
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = call.position;
        vm.deal(actor, actor.balance + value);
        uint256 ethBefore = actor.balance;
        _watchApprovals();
        if (call.expected.length != 0) vm.expectRevert(call.expected);
        vm.prank(actor);
        MIGRATOR.migrate{value: value}(positions, call.deadline, unwrapWeth);
        _recordApprovals(address(MIGRATOR));
        if (call.expected.length != 0) return;

        ++ghostMigrations;
        // The ETH sent always comes back; more arrives only as a refund of a native pool or of unwrapped WETH.
        require(actor.balance >= ethBefore, "the Migrator kept ETH sent with the call");
        if (Currency.unwrap(key.currency0) != address(0) && !unwrapWeth) {
            require(actor.balance == ethBefore, "ETH moved without a native pool or an unwrapped refund");
        }
    }

    /// @dev Sets the error `call`'s fault must raise and applies the fault, to `destination` where it lies there;
    /// leaves the error empty for a success.
    function _applyFault(Call memory call, IUniswapV4DepositRoute.UniswapV4Destination memory destination)
        internal
        view
    {
        if (call.kind == Case.DeadlinePassed) {
            call.deadline = block.timestamp - 1;
            call.expected = abi.encodeWithSelector(IMigrator.DeadlinePassed.selector, call.deadline, block.timestamp);
        } else if (call.kind == Case.HookMayTakeDeposit) {
            destination.poolKey.hooks = IHooks(DELTA_HOOK);
            call.expected = abi.encodeWithSelector(IUniswapV4DepositRoute.HookMayTakeDeposit.selector, DELTA_HOOK);
        } else if (call.kind == Case.PriceOutOfBounds) {
            uint160 price = _price(destination.poolKey);
            destination.sqrtPriceX96Min = price + 1;
            call.expected = abi.encodeWithSelector(
                IUniswapV4DepositRoute.V4PoolPriceOutOfBounds.selector,
                PoolId.unwrap(destination.poolKey.toId()),
                price,
                price + 1,
                destination.sqrtPriceX96Max
            );
        }
    }

    // ---------------------------------------------------------------- sources and authorisations

    function _mintV3(address owner, uint256 weth) internal returns (uint256 tokenId) {
        uint256 usdc = weth * 10_000 / 1e12 + 1;
        deal(WETH, address(this), weth);
        deal(USDC, address(this), usdc);
        IERC20(WETH).approve(address(V3_NPM), weth);
        IERC20(USDC).approve(address(V3_NPM), usdc);
        (tokenId,,,) = V3_NPM.mint(
            IV3Positions.MintParams({
                token0: WETH,
                token1: USDC,
                fee: 3000,
                tickLower: -887_220,
                tickUpper: 887_220,
                amount0Desired: weth,
                amount1Desired: usdc,
                amount0Min: 0,
                amount1Min: 0,
                recipient: owner,
                deadline: block.timestamp
            })
        );
    }

    /// @dev New LP for `actor`: `shareBps` of the pair's reserves, minted at its ratio.
    function _mintV2(address actor, uint256 shareBps) internal {
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(PAIR).getReserves();
        deal(WETH, PAIR, IERC20(WETH).balanceOf(PAIR) + reserve0 * shareBps / 10_000 + 1);
        deal(USDC, PAIR, IERC20(USDC).balanceOf(PAIR) + reserve1 * shareBps / 10_000 + 1);
        IUniswapV2PairMint(PAIR).mint(actor);
    }

    function _authoriseV3(Case kind, uint256 actorIndex, uint256 tokenId)
        internal
        returns (IMigrator.PermitSignature memory permit)
    {
        address actor = actors[actorIndex];
        if (kind == Case.StandingApproval) {
            vm.prank(actor);
            V3_NPM.approve(address(MIGRATOR), tokenId);
            return permit;
        }
        permit = Signatures.nftPermit(
            keys[actorIndex], address(V3_NPM), address(MIGRATOR), tokenId, block.timestamp + 1 hours
        );
        if (kind == Case.FrontRunPermit) {
            vm.prank(RELAYER);
            V3_NPM.permit(address(MIGRATOR), tokenId, permit.deadline, permit.v, permit.r, permit.s);
        }
    }

    function _authoriseV2(Case kind, uint256 actorIndex, uint256 lpAmount)
        internal
        returns (IMigrator.PermitSignature memory permit)
    {
        address actor = actors[actorIndex];
        if (kind == Case.StandingApproval) {
            vm.prank(actor);
            IERC20(PAIR).approve(address(MIGRATOR), lpAmount);
            return permit;
        }
        permit = Signatures.pairPermit(keys[actorIndex], PAIR, address(MIGRATOR), lpAmount, block.timestamp + 1 hours);
        if (kind == Case.FrontRunPermit) {
            vm.prank(RELAYER);
            IUniswapV2Pair(PAIR)
                .permit(actor, address(MIGRATOR), lpAmount, permit.deadline, permit.v, permit.r, permit.s);
        }
    }

    // ---------------------------------------------------------------- destinations

    /// @dev Full range in one of the pools, bounded ±1% around its price, no deposit minimums.
    function _destination(uint256 poolSeed)
        internal
        view
        returns (IUniswapV4DepositRoute.UniswapV4Destination memory destination)
    {
        PoolKey memory key = pools[poolSeed % pools.length];
        uint160 price = _price(key);
        destination.poolKey = key;
        destination.tickUpper = 887_272 / key.tickSpacing * key.tickSpacing;
        destination.tickLower = -destination.tickUpper;
        destination.sqrtPriceX96Min = uint160(uint256(price) * 995 / 1000);
        destination.sqrtPriceX96Max = uint160(uint256(price) * 1005 / 1000);
    }

    function _price(PoolKey memory key) internal view returns (uint160 sqrtPriceX96) {
        (sqrtPriceX96,,,) = POOL_MANAGER.getSlot0(key.toId());
    }
}
