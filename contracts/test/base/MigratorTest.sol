// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {MigratorDeployment} from "../../script/MigratorDeployment.sol";
import {Migrator} from "../../src/Migrator.sol";
import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as INpm} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {SqrtPriceMath} from "../../src/libraries/SqrtPriceMath.sol";
import {WorldTest} from "../utils/WorldTest.sol";
import {IUniswapV2FactoryCreate, IUniswapV2PairMint} from "./ProtocolInterfaces.sol";
import {Signatures} from "./Signatures.sol";
import {Vm} from "forge-std/Vm.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice The world plus a Migrator deployed through the same code as the deploy script, and helpers to build
/// positions and permits the way the app does.
abstract contract MigratorTest is WorldTest {
    uint24 internal constant FEE_MEDIUM = 3000;
    int24 internal constant FULL_RANGE_LOWER_3000 = -887_220;
    int24 internal constant FULL_RANGE_UPPER_3000 = 887_220;
    /// @dev Price tolerance of the default bounds, in thousandths of sqrtPrice.
    uint256 internal constant SQRT_PRICE_TOLERANCE = 5;

    Migrator internal migrator;
    address internal guardian;
    address internal wethUsdcPair;

    function setUp() public virtual override {
        super.setUp();
        guardian = makeAddr("guardian");
        migrator = MigratorDeployment.deploy(MigratorDeployment.configFor(addressesJson, block.chainid, guardian));
        vm.label(address(migrator), "Migrator");
        wethUsdcPair = v2Pair("WETH_USDC");
    }

    // ---------------------------------------------------------------- positions

    /// @notice Full-range parameters for `share` bps of `user`'s LP in `pair`, bounded ±0.5% around the V3 pool's
    /// price (or the V2 price when the pool is missing) and with 1% minimums on both legs.
    function _fullRangeParams(address pair, address user, uint24 fee, uint16 percentageBps)
        internal
        view
        returns (IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
    {
        params.token0 = IUniswapV2Pair(pair).token0();
        params.token1 = IUniswapV2Pair(pair).token1();
        params.percentageBps = percentageBps;
        params.fee = fee;
        (params.tickLower, params.tickUpper) = _fullRange(fee);
        uint256 lpAmount = IUniswapV2Pair(pair).balanceOf(user) * percentageBps / 10_000;
        (uint256 expected0, uint256 expected1) = _expectedWithdrawal(pair, lpAmount);
        params.amount0MinWithdrawn = expected0 * 99 / 100;
        params.amount1MinWithdrawn = expected1 * 99 / 100;
        uint160 sqrtPriceX96 = _referenceSqrtPrice(pair, params.token0, params.token1, fee);
        params.sqrtPriceX96Min = uint160(uint256(sqrtPriceX96) * (1000 - SQRT_PRICE_TOLERANCE) / 1000);
        params.sqrtPriceX96Max = uint160(uint256(sqrtPriceX96) * (1000 + SQRT_PRICE_TOLERANCE) / 1000);
    }

    function _fullRange(uint24 fee) internal pure returns (int24 lower, int24 upper) {
        int24 spacing = fee == 100 ? int24(1) : fee == 500 ? int24(10) : fee == 3000 ? int24(60) : int24(200);
        upper = 887_272 / spacing * spacing;
        lower = -upper;
    }

    function _expectedWithdrawal(address pair, uint256 lpAmount) internal view returns (uint256, uint256) {
        uint256 supply = IERC20(pair).totalSupply();
        (address token0, address token1) = (IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1());
        return (lpAmount * IERC20(token0).balanceOf(pair) / supply, lpAmount * IERC20(token1).balanceOf(pair) / supply);
    }

    /// @dev The V3 pool's price, or the V2 pair's when the pool is missing or not initialised.
    function _referenceSqrtPrice(address pair, address token0, address token1, uint24 fee)
        internal
        view
        returns (uint160)
    {
        address pool = _pool(token0, token1, fee);
        if (pool.code.length != 0) {
            (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
            if (sqrtPriceX96 != 0) return sqrtPriceX96;
        }
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(pair).getReserves();
        return SqrtPriceMath.fromReserves(reserve0, reserve1);
    }

    function _pool(address token0, address token1, uint24 fee) internal view returns (address) {
        bytes32 salt = keccak256(abi.encode(token0, token1, fee));
        return address(
            uint160(uint256(keccak256(abi.encodePacked(hex"ff", V3_FACTORY, salt, migrator.V3_POOL_INIT_CODE_HASH()))))
        );
    }

    /// @notice A new V2 pair of `tokenA` and `tokenB` (already minted to this test), seeded with `amountA` and
    /// `amountB`; `to` receives the LP.
    function _createV2Pair(address tokenA, address tokenB, uint256 amountA, uint256 amountB, address to)
        internal
        returns (address pair)
    {
        pair = IUniswapV2FactoryCreate(V2_FACTORY).createPair(tokenA, tokenB);
        IERC20(tokenA).transfer(pair, amountA);
        IERC20(tokenB).transfer(pair, amountB);
        IUniswapV2PairMint(pair).mint(to);
    }

    /// @notice A small full-range position in the WETH/USDC 0.3% pool, minted to `user` (tokens dealt to them): the
    /// user then already holds an NFT, and the full-range ticks are initialised.
    function _holdNft(address user) internal returns (uint256 tokenId) {
        (int24 lower, int24 upper) = _fullRange(FEE_MEDIUM);
        deal(WETH, user, IERC20(WETH).balanceOf(user) + 1e15);
        deal(USDC, user, IERC20(USDC).balanceOf(user) + 3e6);
        vm.startPrank(user);
        IERC20(WETH).approve(V3_NPM, 1e15);
        IERC20(USDC).approve(V3_NPM, 3e6);
        (tokenId,,,) = INpm(V3_NPM)
            .mint(
                INpm.MintParams({
                token0: WETH,
                token1: USDC,
                fee: FEE_MEDIUM,
                tickLower: lower,
                tickUpper: upper,
                amount0Desired: 1e15,
                amount1Desired: 3e6,
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

    function _batch(IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position[] memory)
    {
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = _position(params);
        return positions;
    }

    function _position(IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position memory)
    {
        return IMigrator.Position({route: IMigrator.Route.UniswapV2ToV3, params: abi.encode(params)});
    }

    // ---------------------------------------------------------------- permits

    /// @notice An EIP-2612 permit by `ownerKey` on `token` for `spender`, signed for the current chain.
    function _signPermit(uint256 ownerKey, address token, address spender, uint256 value)
        internal
        view
        returns (IMigrator.PermitSignature memory)
    {
        return Signatures.pairPermit(ownerKey, token, spender, value, _deadline());
    }

    /// @notice Full-range parameters for `percentageBps` of the user's LP, authorised by a fresh permit.
    function _permittedParams(address pair, uint256 userKey, uint24 fee, uint16 percentageBps)
        internal
        view
        returns (IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
    {
        address user = vm.addr(userKey);
        params = _fullRangeParams(pair, user, fee, percentageBps);
        params.permit = _signPermit(
            userKey, pair, address(migrator), IUniswapV2Pair(pair).balanceOf(user) * percentageBps / 10_000
        );
    }

    // ---------------------------------------------------------------- execution

    /// @notice Runs `migrate` as `user` and returns the `Migrated` events' payloads, in order.
    function _migrate(address user, IMigrator.Position[] memory positions, bool unwrapWeth)
        internal
        returns (IMigrator.LiquidityMigration[] memory migrations)
    {
        vm.recordLogs();
        vm.prank(user);
        migrator.migrate(positions, _deadline(), unwrapWeth);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        migrations = new IMigrator.LiquidityMigration[](positions.length);
        uint256 found;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(migrator) && logs[i].topics[0] == IMigrator.Migrated.selector) {
                assertEq(logs[i].topics[1], bytes32(uint256(uint160(user))), "Migrated: user topic");
                migrations[found++] = abi.decode(logs[i].data, (IMigrator.LiquidityMigration));
            }
        }
        assertEq(found, positions.length, "one Migrated event per position");
    }

    /// @notice What `migrate` would do, without keeping its effects.
    function _dryRun(address user, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
        internal
        returns (IMigrator.LiquidityMigration memory migration)
    {
        uint256 snapshot = vm.snapshotState();
        migration = _migrate(user, _batch(params), false)[0];
        vm.revertToState(snapshot);
    }

    // ---------------------------------------------------------------- checks

    /// @notice Asserts the Migrator holds nothing of `tokens` and no ETH.
    /// @dev The V3 pool a `Migrated` event names as its destination (`bytes32(uint256(uint160(pool)))`).
    function _destinationPool(IMigrator.LiquidityMigration memory migration) internal pure returns (address) {
        return address(uint160(uint256(migration.destination)));
    }

    function _assertMigratorEmpty(address[] memory tokens) internal view {
        for (uint256 i; i < tokens.length; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(migrator)), 0, "Migrator holds a token after the call");
        }
        assertEq(address(migrator).balance, 0, "Migrator holds ETH after the call");
    }

    function _tokens(address a, address b, address c) internal pure returns (address[] memory tokens) {
        tokens = new address[](3);
        (tokens[0], tokens[1], tokens[2]) = (a, b, c);
    }

    function _sqrt(uint256 x) internal pure returns (uint256 y) {
        if (x == 0) return 0;
        y = x;
        uint256 z = (x + 1) / 2;
        while (z < y) {
            y = z;
            z = (x / z + z) / 2;
        }
    }

    function _deadline() internal view virtual returns (uint256) {
        return block.timestamp + 20 minutes;
    }
}
