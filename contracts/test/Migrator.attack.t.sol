// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as INpm} from "../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {MigratorTest} from "./base/MigratorTest.sol";
import {FakePair} from "./mocks/FakePair.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {HookToken} from "./mocks/HookToken.sol";
import {PhantomPermitToken} from "./mocks/PhantomPermitToken.sol";
import {RebasingToken} from "./mocks/RebasingToken.sol";
import {ISwapRouter} from "./utils/interfaces/IUniswapV3.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Each threat of notes/security.md that applies to the V2 → V3 route, attempted against the real world.
contract MigratorAttackTest is MigratorTest {
    uint24 internal constant FEE_HIGH = 10_000;
    /// @dev UniswapV2ERC20 keeps DOMAIN_SEPARATOR in storage slot 3 (totalSupply, balanceOf, allowance before it).
    uint256 internal constant PAIR_DOMAIN_SEPARATOR_SLOT = 3;

    address internal attacker;

    function setUp() public override {
        super.setUp();
        attacker = makeAddr("attacker");
    }

    // ---------------------------------------------------------------- permits

    function test_Migrate_SucceedsWhenPermitFrontRun() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        IMigrator.PermitSignature memory p = params.permit;
        // The attacker copies the signature from the mempool and lands it first.
        vm.prank(attacker);
        IUniswapV2Pair(wethUsdcPair).permit(alice, address(migrator), p.value, p.deadline, p.v, p.r, p.s);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        assertEq(INpm(V3_NPM).ownerOf(m.tokenId), alice, "migration went through");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), 0, "all LP migrated");
    }

    /// @dev A victim with a standing allowance to the Migrator; the attacker brings a permit that "succeeds" without
    /// doing anything (a token whose fallback swallows `permit`) or a forged one. Ferry only ever pulls from
    /// `msg.sender`, and only factory pairs.
    function test_RevertWhen_PhantomPermitMeetsStandingAllowance() public {
        PhantomPermitToken phantom = new PhantomPermitToken();
        phantom.mint(alice, 1e18);
        vm.startPrank(alice);
        phantom.approve(address(migrator), type(uint256).max);
        IUniswapV2Pair(wethUsdcPair).approve(address(migrator), type(uint256).max);
        vm.stopPrank();
        uint256 victimLp = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);

        // 1. The phantom token cannot be named as a source: Ferry derives the pair from the factory.
        (address token0, address token1) = address(phantom) < WETH ? (address(phantom), WETH) : (WETH, address(phantom));
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 10_000);
        (params.token0, params.token1, params.percentageBps, params.lpAmount) = (token0, token1, 0, 1e18);
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.PairNotFound.selector, token0, token1));
        vm.prank(attacker);
        migrator.migrate(_batch(params), _deadline(), false);

        // 2. A forged permit on the real pair for the victim's amount: the pull is from the attacker, who has nothing.
        params = _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 0);
        params.lpAmount = victimLp;
        params.permit = IMigrator.PermitSignature(victimLp, block.timestamp + 1, 27, bytes32(uint256(1)), bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, victimLp));
        vm.prank(attacker);
        migrator.migrate(_batch(params), _deadline(), false);

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), victimLp, "victim's LP untouched");
        assertEq(phantom.balanceOf(alice), 1e18, "victim's phantom tokens untouched");
    }

    function test_RevertWhen_PermitExpired() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        vm.warp(params.permit.deadline + 1);
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, lpAmount));
        vm.prank(alice);
        migrator.migrate(_batch(params), block.timestamp + 1, false);
    }

    /// @dev The same pair address on another chain carries that chain's domain separator (fixed at creation): a
    /// signature made for this chain must not authorise anything there.
    function test_RevertWhen_PermitReplayedOnAnotherChain() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        assertEq(
            vm.load(wethUsdcPair, bytes32(PAIR_DOMAIN_SEPARATOR_SLOT)),
            IUniswapV2Pair(wethUsdcPair).DOMAIN_SEPARATOR(),
            "precondition: domain separator slot"
        );
        vm.chainId(10);
        vm.store(wethUsdcPair, bytes32(PAIR_DOMAIN_SEPARATOR_SLOT), _pairDomainSeparator(wethUsdcPair, 10));
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);

        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, lpAmount));
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);

        // Control: a signature made for chain 10 works there.
        params.permit = _signPermit(aliceKey, wethUsdcPair, address(migrator), lpAmount);
        assertEq(_migrate(alice, _batch(params), false).length, 1, "a chain-10 signature migrates on chain 10");
    }

    // ---------------------------------------------------------------- sources

    function test_RevertWhen_FakePairPosesAsRealTokens() public {
        FakePair fake = new FakePair(WETH, USDC);

        // Naming the fake's own "tokens" reaches the real pair, where the attacker has nothing.
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, attacker, FEE_MEDIUM, 0);
        params.lpAmount = 1e18;
        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, 1e18));
        vm.prank(attacker);
        migrator.migrate(_batch(params), _deadline(), false);

        // Naming the fake itself as a token finds no pair.
        (params.token0, params.token1) = address(fake) < WETH ? (address(fake), WETH) : (WETH, address(fake));
        vm.expectRevert(abi.encodeWithSelector(IUniswapV2ToV3Route.PairNotFound.selector, params.token0, params.token1));
        vm.prank(attacker);
        migrator.migrate(_batch(params), _deadline(), false);

        assertEq(fake.calls(), 0, "the Migrator never called the fake");
    }

    // ---------------------------------------------------------------- fee-on-transfer and rebasing tokens

    /// @dev The pair reports the amount it sent; a 1% fee means the Migrator got 1% less. Ferry names the token and
    /// both amounts instead of failing later inside a deposit transfer.
    function test_RevertWhen_PairHoldsFeeOnTransferToken() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        fot.mint(address(this), 1000e18);
        address pair = _wethPair(address(fot));
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _permittedParams(pair, aliceKey, FEE_MEDIUM, 10_000);
        uint256 sent = _expectedAmountOf(address(fot), pair, IUniswapV2Pair(pair).balanceOf(alice));

        _expectAliceReverts(
            params,
            abi.encodeWithSelector(IMigrator.TokenBalanceMismatch.selector, address(fot), sent, fot.received(sent))
        );
    }

    /// @dev A positive rebase after the user signed: the pair holds more, the burn returns more, and every wei of it
    /// lands in the position or back with the user.
    function test_Migrate_RebaseUpAfterSigningMovesExactAmounts() public {
        (RebasingToken rebasing, address pair, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params) = _rebasingPair();
        uint256 lpAmount = IUniswapV2Pair(pair).balanceOf(alice);
        rebasing.rebase(1000);
        uint256 rebasedSent = _expectedAmountOf(address(rebasing), pair, lpAmount);
        uint256 aliceBefore = rebasing.balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        bool isToken0 = address(rebasing) == m.token0;
        (uint256 withdrawn, uint256 deposited, uint256 refunded) = isToken0
            ? (m.amount0Withdrawn, m.amount0Deposited, m.amount0Refunded)
            : (m.amount1Withdrawn, m.amount1Deposited, m.amount1Refunded);
        assertEq(withdrawn, rebasedSent, "withdrawn at the rebased balance");
        assertEq(rebasing.balanceOf(_destinationPool(m)), deposited, "the new pool holds exactly the deposit");
        assertEq(rebasing.balanceOf(alice) - aliceBefore, refunded, "the user got exactly the refund");
        assertEq(deposited + refunded, withdrawn, "deposit + refund = withdrawn");
        _assertMigratorEmpty(_tokens(address(rebasing), WETH, pair));
    }

    /// @dev A negative rebase after the user signed: the burn returns less than the signed minimums.
    function test_RevertWhen_RebaseDownAfterSigning() public {
        (RebasingToken rebasing, address pair, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params) = _rebasingPair();
        rebasing.rebase(-1000);
        (uint256 amount0, uint256 amount1) = _expectedWithdrawal(pair, IUniswapV2Pair(pair).balanceOf(alice));

        _expectAliceReverts(
            params,
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.WithdrawalSlippage.selector,
                amount0,
                amount1,
                params.amount0MinWithdrawn,
                params.amount1MinWithdrawn
            )
        );
    }

    /// @dev A token that rebases up after moving each transfer's amount: the Migrator holds more than the pair reports
    /// sending, which Ferry refuses rather than leaving the surplus behind.
    function test_RevertWhen_TokenRebasesAfterEachTransfer() public {
        (RebasingToken rebasing, address pair, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params) = _rebasingPair();
        uint256 sent = _expectedAmountOf(address(rebasing), pair, IUniswapV2Pair(pair).balanceOf(alice));
        uint256 rebaseBps = 10;
        uint256 gonsPerToken = rebasing.gonsPerToken();
        uint256 received = sent * gonsPerToken / (gonsPerToken * 10_000 / (10_000 + rebaseBps));
        rebasing.setRebaseOnTransfer(rebaseBps, false);

        _expectAliceReverts(
            params, abi.encodeWithSelector(IMigrator.TokenBalanceMismatch.selector, address(rebasing), sent, received)
        );
    }

    /// @dev A token that rebases up before moving each transfer's amount: the burn delivers exactly what the pair
    /// reports, but the Migrator's balance grows while it deposits and refunds. Ferry refuses to leave it behind.
    function test_RevertWhen_TokenRebasesBeforeEachTransfer() public {
        (RebasingToken rebasing,, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params) = _rebasingPair();
        rebasing.setRebaseOnTransfer(10, true);

        vm.prank(alice);
        (bool migrated, bytes memory reason) =
            address(migrator).call(abi.encodeCall(IMigrator.migrate, (_batch(params), _deadline(), false)));

        assertFalse(migrated, "the migration reverts");
        assertEq(bytes4(reason), IMigrator.TokenBalanceMismatch.selector, "with TokenBalanceMismatch");
        (address token, uint256 expected, uint256 actual) = this.decodeBalanceMismatch(reason);
        assertEq(token, address(rebasing), "naming the rebasing token");
        assertEq(expected, 0, "the Migrator should be back to holding nothing");
        assertGt(actual, 0, "but the rebases left it holding some");
    }

    // ---------------------------------------------------------------- destination price

    function test_RevertWhen_PoolPreInitialisedAtManipulatedPrice() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_HIGH, 10_000);
        // The app bounds the price around the V2 price: the 1% pool does not exist yet.
        uint160 v2SqrtPrice = _referenceSqrtPrice(wethUsdcPair, WETH, USDC, FEE_HIGH);
        uint160 manipulated = uint160(uint256(v2SqrtPrice) * 316 / 100); // ~10x the price
        vm.prank(attacker);
        address pool = INpm(V3_NPM).createAndInitializePoolIfNecessary(WETH, USDC, FEE_HIGH, manipulated);

        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                pool,
                manipulated,
                params.sqrtPriceX96Min,
                params.sqrtPriceX96Max
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_PoolPushedBySwapBeforeMigration() public {
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        IMigrator.LiquidityMigration memory honest = _dryRun(alice, params);
        params.amount0MinDeposited = honest.amount0Deposited * 995 / 1000;
        params.amount1MinDeposited = honest.amount1Deposited * 995 / 1000;
        address pool = v3Pool("WETH_USDC_3000");
        (uint160 priceBefore,,,,,,) = IUniswapV3Pool(pool).slot0();

        _swapWethForUsdc(50 ether);
        (uint160 priceAfter,,,,,,) = IUniswapV3Pool(pool).slot0();
        assertLt(priceAfter, priceBefore * 99 / 100, "precondition: the swap moved the price by more than 1%");

        // With the app's price bound, the bound catches it.
        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                pool,
                priceAfter,
                params.sqrtPriceX96Min,
                params.sqrtPriceX96Max
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);

        // Without any price bound, the deposit minimums still catch it.
        (params.sqrtPriceX96Min, params.sqrtPriceX96Max) = (0, type(uint160).max);
        (uint256 minimum0, uint256 minimum1) = (params.amount0MinDeposited, params.amount1MinDeposited);
        (params.amount0MinDeposited, params.amount1MinDeposited) = (0, 0);
        IMigrator.LiquidityMigration memory pushed = _dryRun(alice, params);
        (params.amount0MinDeposited, params.amount1MinDeposited) = (minimum0, minimum1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.DepositSlippage.selector,
                pushed.amount0Deposited,
                pushed.amount1Deposited,
                minimum0,
                minimum1
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    // ---------------------------------------------------------------- re-entrancy, deadline, guardian

    function test_RevertWhen_ReentrancyThroughHookToken() public {
        (HookToken hook, address pair) = _hookTokenPair();
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _permittedParams(pair, aliceKey, FEE_MEDIUM, 10_000);
        bytes memory reentry = abi.encodeCall(IMigrator.migrate, (_batch(params), _deadline(), false));
        hook.arm(address(migrator), reentry);

        _migrate(alice, _batch(params), false);

        assertTrue(hook.hookCalled(), "the hook ran inside the migration");
        assertFalse(hook.hookSucceeded(), "re-entry failed");
        assertEq(hook.hookReturnData(), abi.encodeWithSelector(IMigrator.Reentrancy.selector), "with Reentrancy()");
        _assertMigratorEmpty(_tokens(address(hook), WETH, pair));
    }

    /// @dev A hook token in the pair swaps the destination pool during the V2 burn, after any earlier look at the
    /// price: the bound is checked right before minting, so it sees the pushed price.
    function test_RevertWhen_HookTokenPushesPoolDuringBurn() public {
        (HookToken hook, address pair) = _hookTokenPair();
        address pool = _seedV3Pool(address(hook), pair);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _permittedParams(pair, aliceKey, FEE_MEDIUM, 10_000);
        bytes memory push = abi.encodeCall(
            ISwapRouter.exactInputSingle,
            (ISwapRouter.ExactInputSingleParams({
                    tokenIn: WETH,
                    tokenOut: address(hook),
                    fee: FEE_MEDIUM,
                    recipient: address(hook),
                    deadline: block.timestamp,
                    amountIn: 1e18,
                    amountOutMinimum: 0,
                    sqrtPriceLimitX96: 0
                }))
        );
        deal(WETH, address(hook), 1e18);
        vm.prank(address(hook));
        IERC20(WETH).approve(V3_SWAP_ROUTER, type(uint256).max);
        uint256 snapshot = vm.snapshotState();
        vm.prank(address(hook));
        (bool pushed,) = V3_SWAP_ROUTER.call(push);
        assertTrue(pushed, "precondition: the push swap works");
        (uint160 pushedPrice,,,,,,) = IUniswapV3Pool(pool).slot0();
        vm.revertToState(snapshot);
        hook.arm(V3_SWAP_ROUTER, push);

        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                pool,
                pushedPrice,
                params.sqrtPriceX96Min,
                params.sqrtPriceX96Max
            )
        );
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    function test_RevertWhen_DeadlineExpiredWhileWaiting() public {
        IMigrator.Position[] memory positions = _batch(_permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000));
        uint256 deadline = block.timestamp + 5 minutes;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IMigrator.DeadlinePassed.selector, deadline, deadline + 1));
        vm.prank(alice);
        migrator.migrate(positions, deadline, false);
    }

    /// @dev Whatever the guardian calls (any Migrator function with any arguments, an unknown selector, plain ETH),
    /// only pausing and the views succeed, and a victim with a standing allowance keeps everything.
    function testFuzz_GuardianCannotTouchFunds(uint256 selectorSeed, bytes calldata args, bool pause) public {
        vm.prank(alice);
        IUniswapV2Pair(wethUsdcPair).approve(address(migrator), type(uint256).max);
        uint256 victimLp = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        uint256 victimWeth = IERC20(WETH).balanceOf(alice);

        vm.startPrank(guardian);
        migrator.setPaused(pause);
        bytes4[] memory selectors = _guardianTargets();
        uint256 pick = selectorSeed % (selectors.length + 1);
        // The last pick is a call without data, which reaches `receive`.
        bytes memory data = pick == selectors.length ? bytes("") : abi.encodePacked(selectors[pick], args);
        (bool ok, bytes memory result) = address(migrator).call(data);
        if (data.length == 0) {
            assertFalse(ok, "receive refuses the guardian's ETH");
            assertEq(result, abi.encodeWithSelector(IMigrator.EthNotAccepted.selector, guardian), "EthNotAccepted");
        } else if (selectors[pick] == IMigrator.setPaused.selector) {
            // Succeeds exactly when the argument is a well-formed bool, and then sets it.
            bool wellFormed = args.length >= 32 && uint256(bytes32(args[:32])) <= 1;
            assertEq(ok, wellFormed, "setPaused succeeds on a well-formed bool only");
            if (ok) assertEq(migrator.paused(), uint256(bytes32(args[:32])) == 1, "setPaused set the flag");
        } else {
            assertEq(ok, _isView(selectors[pick]), "only views succeed besides setPaused");
        }
        // Migrating "alice's" LP as the guardian pulls from the guardian, who has nothing.
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 0);
        params.lpAmount = victimLp;
        vm.expectRevert(
            migrator.paused()
                ? abi.encodeWithSelector(IMigrator.MigrationsPaused.selector)
                : abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, wethUsdcPair, 0, victimLp)
        );
        migrator.migrate(_batch(params), _deadline(), false);
        vm.stopPrank();

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), victimLp, "victim's LP untouched");
        assertEq(IERC20(WETH).balanceOf(alice), victimWeth, "victim's WETH untouched");
        assertEq(IERC20(wethUsdcPair).balanceOf(guardian), 0, "guardian got no LP");
    }

    // ---------------------------------------------------------------- helpers

    /// @dev Every external function of the Migrator, and one it does not have.
    function _guardianTargets() internal pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](14);
        selectors[0] = IMigrator.migrate.selector;
        selectors[1] = IMigrator.setPaused.selector;
        selectors[2] = IAaveV2ToV3Route.executeOperation.selector;
        selectors[3] = bytes4(keccak256("sweep(address,address)"));
        selectors[4] = IMigrator.paused.selector;
        selectors[5] = IMigrator.GUARDIAN.selector;
        selectors[6] = IMigrator.WETH.selector;
        selectors[7] = IUniswapV2ToV3Route.V2_FACTORY.selector;
        selectors[8] = IUniswapV2ToV3Route.V2_PAIR_INIT_CODE_HASH.selector;
        selectors[9] = IUniswapV2ToV3Route.V3_FACTORY.selector;
        selectors[10] = IUniswapV2ToV3Route.V3_POOL_INIT_CODE_HASH.selector;
        selectors[11] = IUniswapV2ToV3Route.POSITION_MANAGER.selector;
        selectors[12] = IAaveV2ToV3Route.AAVE_V2_POOL.selector;
        selectors[13] = IAaveV2ToV3Route.AAVE_V3_POOL.selector;
    }

    function _isView(bytes4 selector) internal pure returns (bool) {
        return selector != IMigrator.migrate.selector && selector != IAaveV2ToV3Route.executeOperation.selector
            && selector != bytes4(keccak256("sweep(address,address)"));
    }

    /// @dev The arguments of a `TokenBalanceMismatch` revert (external, to slice calldata).
    function decodeBalanceMismatch(bytes calldata reason) external pure returns (address, uint256, uint256) {
        return abi.decode(reason[4:], (address, uint256, uint256));
    }

    function _pairDomainSeparator(address pair, uint256 chainId) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Uniswap V2"),
                keccak256("1"),
                chainId,
                pair
            )
        );
    }

    function _swapWethForUsdc(uint256 amountIn) internal {
        deal(WETH, attacker, amountIn);
        vm.startPrank(attacker);
        IERC20(WETH).approve(V3_SWAP_ROUTER, amountIn);
        ISwapRouter(V3_SWAP_ROUTER)
            .exactInputSingle(
                ISwapRouter.ExactInputSingleParams({
                tokenIn: WETH,
                tokenOut: USDC,
                fee: FEE_MEDIUM,
                recipient: attacker,
                deadline: block.timestamp,
                amountIn: amountIn,
                amountOutMinimum: 0,
                sqrtPriceLimitX96: 0
            })
            );
        vm.stopPrank();
    }

    /// @dev A V3 pool of the pair's tokens at the pair's price, with full-range liquidity from this test.
    function _seedV3Pool(address hook, address pair) internal returns (address pool) {
        address token0 = IUniswapV2Pair(pair).token0();
        address token1 = IUniswapV2Pair(pair).token1();
        pool = INpm(V3_NPM)
            .createAndInitializePoolIfNecessary(
                token0, token1, FEE_MEDIUM, _referenceSqrtPrice(pair, token0, token1, FEE_MEDIUM)
            );
        HookToken(hook).mint(address(this), 100e18);
        deal(WETH, address(this), 1e18);
        IERC20(hook).approve(V3_NPM, type(uint256).max);
        IERC20(WETH).approve(V3_NPM, type(uint256).max);
        INpm(V3_NPM)
            .mint(
                INpm.MintParams({
                token0: token0,
                token1: token1,
                fee: FEE_MEDIUM,
                tickLower: FULL_RANGE_LOWER_3000,
                tickUpper: FULL_RANGE_UPPER_3000,
                amount0Desired: token0 == WETH ? 1e18 : 100e18,
                amount1Desired: token0 == WETH ? 100e18 : 1e18,
                amount0Min: 0,
                amount1Min: 0,
                recipient: address(this),
                deadline: block.timestamp
            })
            );
    }

    /// @dev A real V2 pair of a hook token and WETH, whose LP alice holds.
    function _hookTokenPair() internal returns (HookToken hook, address pair) {
        hook = new HookToken();
        hook.mint(address(this), 1000e18);
        pair = _wethPair(address(hook));
    }

    /// @dev A real V2 pair of `token` (1000e18 of it minted to this test) and 10 WETH, whose LP alice holds.
    function _wethPair(address token) internal returns (address) {
        deal(WETH, address(this), 10e18);
        return _createV2Pair(token, WETH, 1000e18, 10e18, alice);
    }

    /// @dev A real V2 pair of a rebasing token and WETH, whose LP alice holds, and her signed params to migrate it all.
    function _rebasingPair()
        internal
        returns (RebasingToken rebasing, address pair, IUniswapV2ToV3Route.UniswapV2ToV3Params memory params)
    {
        rebasing = new RebasingToken();
        rebasing.mint(address(this), 1000e18);
        pair = _wethPair(address(rebasing));
        params = _permittedParams(pair, aliceKey, FEE_MEDIUM, 10_000);
    }

    /// @dev Alice's migration of `params` reverts with exactly `reason`.
    function _expectAliceReverts(IUniswapV2ToV3Route.UniswapV2ToV3Params memory params, bytes memory reason) internal {
        vm.expectRevert(reason);
        vm.prank(alice);
        migrator.migrate(_batch(params), _deadline(), false);
    }

    /// @dev What burning `lpAmount` of `pair` sends of `token`.
    function _expectedAmountOf(address token, address pair, uint256 lpAmount) internal view returns (uint256) {
        (uint256 amount0, uint256 amount1) = _expectedWithdrawal(pair, lpAmount);
        return token == IUniswapV2Pair(pair).token0() ? amount0 : amount1;
    }
}
