// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WorldTest} from "../utils/WorldTest.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";
import {IPermit2, IV4PositionManager, IV4StateView, PoolKey} from "../utils/interfaces/IUniswapV4.sol";

/// @notice Proves the world's Uniswap V4: seeded pools at the world price, a patched Permit2 whose signatures
/// verify at its canonical address, and a mint through PositionManager paid with a Permit2 batch signature.
contract UniswapV4WorldTest is WorldTest {
    uint8 internal constant MINT_POSITION = 0x02;
    uint8 internal constant SETTLE_PAIR = 0x0d;
    bytes32 internal constant PERMIT_DETAILS_TYPEHASH =
        keccak256("PermitDetails(address token,uint160 amount,uint48 expiration,uint48 nonce)");
    bytes32 internal constant PERMIT_BATCH_TYPEHASH = keccak256(
        "PermitBatch(PermitDetails[] details,address spender,uint256 sigDeadline)PermitDetails(address token,uint160 amount,uint48 expiration,uint48 nonce)"
    );

    function test_Permit2_DomainSeparatorIsForItsCanonicalAddress() public view {
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)"),
                keccak256("Permit2"),
                block.chainid,
                PERMIT2
            )
        );
        assertEq(IPermit2(PERMIT2).DOMAIN_SEPARATOR(), expected, "patched cached domain separator");
    }

    function test_Pools_SeededAtWorldPrice() public view {
        (PoolKey memory key, bytes32 id) = v4Pool("ETH_USDC_500");
        assertEq(key.currency0, address(0), "ETH/USDC pool uses native ETH");
        (uint160 sqrtPriceX96,,, uint24 lpFee) = IV4StateView(V4_STATE_VIEW).getSlot0(id);
        assertEq(lpFee, 500, "0.05 % fee");
        assertApproxEqRel((uint256(sqrtPriceX96) * sqrtPriceX96 * 1e18) >> 192, 3000e6, 1e12, "3000 USDC per ETH");
        assertGt(IV4StateView(V4_STATE_VIEW).getLiquidity(id), 0, "pool has liquidity");
    }

    function test_Mint_ThroughPositionManagerWithPermit2Signature() public {
        (PoolKey memory key, bytes32 id) = v4Pool("WETH_USDC_3000");
        (, int24 tick,,) = IV4StateView(V4_STATE_VIEW).getSlot0(id);
        int24 center = tick / 60 * 60;
        uint256 maxWeth = 10 ether;
        uint256 maxUsdc = 30_000e6;
        (uint256 max0, uint256 max1) = key.currency0 == WETH ? (maxWeth, maxUsdc) : (maxUsdc, maxWeth);

        vm.startPrank(alice);
        IERC20Minimal(WETH).approve(PERMIT2, type(uint256).max);
        IERC20Minimal(USDC).approve(PERMIT2, type(uint256).max);
        vm.stopPrank();
        IPermit2.PermitBatch memory permit = _permitBatch(key, max0, max1);
        bytes memory signature = _signPermitBatch(permit);

        bytes memory actions = abi.encodePacked(MINT_POSITION, SETTLE_PAIR);
        bytes[] memory params = new bytes[](2);
        params[0] = abi.encode(key, center - 600, center + 600, uint256(1e14), max0, max1, alice, bytes(""));
        params[1] = abi.encode(key.currency0, key.currency1);
        bytes[] memory calls = new bytes[](2);
        calls[0] = abi.encodeCall(IV4PositionManager.permitBatch, (alice, permit, signature));
        calls[1] = abi.encodeCall(IV4PositionManager.modifyLiquidities, (abi.encode(actions, params), block.timestamp));

        IV4PositionManager positions = IV4PositionManager(V4_POSITION_MANAGER);
        uint256 tokenId = positions.nextTokenId();
        uint256 wethBefore = IERC20Minimal(WETH).balanceOf(alice);
        vm.prank(alice);
        positions.multicall(calls);

        assertEq(positions.ownerOf(tokenId), alice, "alice owns the new position");
        assertEq(positions.getPositionLiquidity(tokenId), 1e14, "position has the requested liquidity");
        (,, uint48 nonce) = IPermit2(PERMIT2).allowance(alice, WETH, V4_POSITION_MANAGER);
        assertEq(nonce, 1, "the Permit2 signature was used, not silently skipped");
        uint256 wethSpent = wethBefore - IERC20Minimal(WETH).balanceOf(alice);
        assertGt(wethSpent, 0, "WETH paid through Permit2");
        assertLe(wethSpent, maxWeth, "no more than the signed maximum");
    }

    function _permitBatch(PoolKey memory key, uint256 max0, uint256 max1)
        private
        view
        returns (IPermit2.PermitBatch memory permit)
    {
        permit.details = new IPermit2.PermitDetails[](2);
        uint48 expiration = uint48(block.timestamp + 1 hours);
        // forge-lint: disable-next-line(unsafe-typecast) amounts are test constants far below 2^160
        permit.details[0] = IPermit2.PermitDetails(key.currency0, uint160(max0), expiration, 0);
        // forge-lint: disable-next-line(unsafe-typecast) amounts are test constants far below 2^160
        permit.details[1] = IPermit2.PermitDetails(key.currency1, uint160(max1), expiration, 0);
        permit.spender = V4_POSITION_MANAGER;
        permit.sigDeadline = block.timestamp + 1 hours;
    }

    function _signPermitBatch(IPermit2.PermitBatch memory permit) private view returns (bytes memory) {
        bytes32[] memory detailHashes = new bytes32[](permit.details.length);
        for (uint256 i; i < permit.details.length; ++i) {
            detailHashes[i] = keccak256(abi.encode(PERMIT_DETAILS_TYPEHASH, permit.details[i]));
        }
        bytes32 structHash = keccak256(
            abi.encode(
                PERMIT_BATCH_TYPEHASH, keccak256(abi.encodePacked(detailHashes)), permit.spender, permit.sigDeadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", IPermit2(PERMIT2).DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);
        return abi.encodePacked(r, s, v);
    }
}
