// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as INpm} from "../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../src/interfaces/external/IUniswapV2Pair.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {AaveMigratorTest} from "./base/AaveMigratorTest.sol";
import {IAaveV3CreditDelegation} from "./base/ProtocolInterfaces.sol";
import {FakePair} from "./mocks/FakePair.sol";
import {IERC20Minimal} from "./utils/interfaces/IERC20Minimal.sol";
import {IERC721} from "forge-std/interfaces/IERC721.sol";

/// @notice Threat 1 of notes/security.md: a victim with standing approvals to the Migrator (V2 LP, V3 NFT, Aave V2
/// aTokens, an Aave V3 credit delegation) and signatures in the mempool; an attacker calls `migrate` with every
/// input fuzzed. Whether the call reverts or migrates the attacker's own positions, the victim's holdings never
/// change.
contract MigratorAttackFuzzTest is AaveMigratorTest {
    /// @dev What the attacker controls. Seeds pick from short lists so that real pairs, reserves and the victim's
    /// NFT come up often, next to fakes and nonsense.
    struct Attack {
        uint8 shape;
        bool swapRoutes;
        uint8 pairSeed;
        uint8 token0Seed;
        uint8 token1Seed;
        uint256 lpAmount;
        uint16 percentageBps;
        uint8 feeSeed;
        uint8 tokenIdSeed;
        uint256 tokenId;
        uint8 permitMode;
        uint256 permitValue;
        bytes32 permitR;
        uint8 collateralSeed;
        uint8 debtSeed;
        bool withDebt;
        bytes raw;
        bool unwrapWeth;
    }

    struct Holdings {
        uint256 lp;
        address nftOwner;
        uint128 nftLiquidity;
        uint256 v2Supply;
        uint256 v2Debt;
        uint256 v3Supply;
        uint256 v3Debt;
        uint256 weth;
        uint256 usdc;
    }

    uint8 internal constant PERMIT_NONE = 0;
    uint8 internal constant PERMIT_FORGED = 1;
    uint8 internal constant PERMIT_VICTIMS = 2;

    address internal attacker;
    address internal victim;
    uint256 internal victimKey;
    uint256 internal victimNft;
    FakePair internal fake;
    address[6] internal candidates;

    function setUp() public override {
        super.setUp();
        attacker = makeAddr("attacker");
        (victim, victimKey) = makeAddrAndKey("victim");
        fake = new FakePair(WETH, USDC);
        candidates = [WETH, USDC, DAI, WBTC, address(fake), wethUsdcPair];

        uint256 aliceLp = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        vm.startPrank(alice);
        IERC20Minimal(wethUsdcPair).transfer(victim, aliceLp / 2);
        IERC20Minimal(wethUsdcPair).transfer(attacker, aliceLp / 4);
        vm.stopPrank();
        victimNft = _holdNft(victim);
        _depositV2(victim, WETH, 10e18);
        _borrowV2(victim, USDC, 1000e6, VARIABLE);
        // The attacker's own supply, so fuzzed calls also reach the paths that succeed.
        _depositV2(attacker, WETH, 1e18);

        _approveEverything(victim);
        _approveEverything(attacker);
    }

    function testFuzz_AttackerCannotMoveTheVictimsPositions(Attack memory a) public {
        IMigrator.Position[] memory positions = _positions(a);
        Holdings memory before = _holdings();

        vm.prank(attacker);
        try migrator.migrate(positions, _deadline(), a.unwrapWeth) {} catch {}

        Holdings memory afterwards = _holdings();
        assertEq(afterwards.lp, before.lp, "victim's V2 LP");
        assertEq(afterwards.nftOwner, victim, "victim still owns the NFT");
        assertEq(afterwards.nftLiquidity, before.nftLiquidity, "victim's NFT liquidity");
        assertEq(afterwards.v2Supply, before.v2Supply, "victim's Aave V2 supply");
        assertEq(afterwards.v2Debt, before.v2Debt, "victim's Aave V2 debt");
        assertEq(afterwards.v3Supply, before.v3Supply, "victim's Aave V3 supply");
        assertEq(afterwards.v3Debt, before.v3Debt, "victim's Aave V3 debt");
        assertEq(afterwards.weth, before.weth, "victim's WETH");
        assertEq(afterwards.usdc, before.usdc, "victim's USDC");
    }

    // ---------------------------------------------------------------- the attacker's batch

    function _positions(Attack memory a) internal view returns (IMigrator.Position[] memory positions) {
        uint256 shape = a.shape % 4;
        positions = new IMigrator.Position[](shape == 2 ? 2 : 1);
        if (shape == 0 || shape == 2) positions[0] = _position(_v2Params(a));
        if (shape == 1) positions[0] = _aavePosition(_aaveParams(a));
        if (shape == 2) positions[1] = _aavePosition(_aaveParams(a));
        if (shape == 3) positions[0] = IMigrator.Position({route: IMigrator.Route.UniswapV2ToV3, params: a.raw});
        if (a.swapRoutes) {
            for (uint256 i; i < positions.length; ++i) {
                positions[i].route = positions[i].route == IMigrator.Route.UniswapV2ToV3
                    ? IMigrator.Route.AaveV2ToV3
                    : IMigrator.Route.UniswapV2ToV3;
            }
        }
    }

    /// @dev The victim's real pair half the time, else any two candidates (fakes included, unsorted included); any
    /// amount or share; a new NFT, the victim's NFT or any id; no permit, a forged one or the victim's own.
    function _v2Params(Attack memory a) internal view returns (IUniswapV2ToV3Route.UniswapV2ToV3Params memory params) {
        bool realPair = a.pairSeed % 2 == 0;
        (params.token0, params.token1) = realPair
            ? (IUniswapV2Pair(wethUsdcPair).token0(), IUniswapV2Pair(wethUsdcPair).token1())
            : (_candidate(a.token0Seed), _candidate(a.token1Seed));
        uint256 victimLp = IUniswapV2Pair(wethUsdcPair).balanceOf(victim);
        params.lpAmount = bound(a.lpAmount, 0, 2 * victimLp);
        params.percentageBps = uint16(bound(a.percentageBps, 0, 10_001));
        uint24[4] memory fees = [uint24(100), 500, 3000, 10_000];
        params.fee = fees[a.feeSeed % fees.length];
        (params.tickLower, params.tickUpper) = _fullRange(params.fee);
        params.sqrtPriceX96Max = type(uint160).max;
        uint256 tokenIdChoice = a.tokenIdSeed % 3;
        params.tokenId = tokenIdChoice == 0 ? 0 : tokenIdChoice == 1 ? victimNft : a.tokenId;
        params.permit = realPair && a.permitMode % 3 == PERMIT_VICTIMS
            ? _signPermit(victimKey, wethUsdcPair, address(migrator), victimLp)
            : _forgedPermit(a);
    }

    /// @dev One supply and maybe one debt, each with no signature, a forged one, or the victim's own (for the
    /// victim's WETH supply and USDC debt).
    function _aaveParams(Attack memory a) internal view returns (IAaveV2ToV3Route.AaveV2ToV3Params memory params) {
        bool victims = a.permitMode % 3 == PERMIT_VICTIMS;
        address collateral = _candidate(a.collateralSeed);
        IMigrator.PermitSignature memory permit =
            victims && collateral == WETH ? _signATokenPermit(victimKey, WETH, type(uint128).max) : _forgedPermit(a);
        params.collateral = new IAaveV2ToV3Route.AaveCollateral[](1);
        params.collateral[0] = IAaveV2ToV3Route.AaveCollateral(collateral, permit);
        if (!a.withDebt) return params;
        address debt = _candidate(a.debtSeed);
        permit = victims && debt == USDC ? _signDelegation(victimKey, USDC, type(uint128).max) : _forgedPermit(a);
        params.debt = new IAaveV2ToV3Route.AaveDebt[](1);
        params.debt[0] = IAaveV2ToV3Route.AaveDebt(debt, permit);
    }

    /// @dev No permit, or a signature the attacker made up.
    function _forgedPermit(Attack memory a) internal view returns (IMigrator.PermitSignature memory) {
        if (a.permitMode % 3 == PERMIT_NONE) return IMigrator.PermitSignature(0, 0, 0, 0, 0);
        return IMigrator.PermitSignature(a.permitValue, _deadline(), 27, a.permitR, bytes32(uint256(1)));
    }

    function _candidate(uint8 seed) internal view returns (address) {
        return candidates[seed % candidates.length];
    }

    // ---------------------------------------------------------------- setup and checks

    /// @dev Standing approvals of everything `user` holds to the Migrator, as a careless user leaves them.
    function _approveEverything(address user) internal {
        vm.startPrank(user);
        IUniswapV2Pair(wethUsdcPair).approve(address(migrator), type(uint256).max);
        IERC721(V3_NPM).setApprovalForAll(address(migrator), true);
        IERC20Minimal(_v2Token(WETH, ".aToken")).approve(address(migrator), type(uint256).max);
        IAaveV3CreditDelegation(_v3Token(USDC, ".variableDebtToken"))
            .approveDelegation(address(migrator), type(uint256).max);
        vm.stopPrank();
    }

    function _holdings() internal view returns (Holdings memory h) {
        h.lp = IUniswapV2Pair(wethUsdcPair).balanceOf(victim);
        h.nftOwner = INpm(V3_NPM).ownerOf(victimNft);
        (,,,,,,, h.nftLiquidity,,,,) = INpm(V3_NPM).positions(victimNft);
        h.v2Supply = _v2Supply(victim, WETH);
        h.v2Debt = _v2Debt(victim, USDC);
        h.v3Supply = _v3Supply(victim, WETH);
        h.v3Debt = _v3VariableDebt(victim, USDC);
        h.weth = IERC20Minimal(WETH).balanceOf(victim);
        h.usdc = IERC20Minimal(USDC).balanceOf(victim);
    }
}
