// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice v4-core's PoolKey, field for field.
struct PoolKey {
    address currency0;
    address currency1;
    uint24 fee;
    int24 tickSpacing;
    address hooks;
}

interface IPermit2 {
    struct PermitDetails {
        address token;
        uint160 amount;
        uint48 expiration;
        uint48 nonce;
    }

    struct PermitBatch {
        PermitDetails[] details;
        address spender;
        uint256 sigDeadline;
    }

    function DOMAIN_SEPARATOR() external view returns (bytes32);
    function approve(address token, address spender, uint160 amount, uint48 expiration) external;
    function allowance(address owner, address token, address spender)
        external
        view
        returns (uint160 amount, uint48 expiration, uint48 nonce);
}

interface IV4PositionManager {
    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results);
    function permitBatch(address owner, IPermit2.PermitBatch calldata permitBatch, bytes calldata signature)
        external
        payable
        returns (bytes memory err);
    function modifyLiquidities(bytes calldata unlockData, uint256 deadline) external payable;
    function initializePool(PoolKey calldata key, uint160 sqrtPriceX96) external payable returns (int24);
    function nextTokenId() external view returns (uint256);
    function ownerOf(uint256 tokenId) external view returns (address);
    function getPositionLiquidity(uint256 tokenId) external view returns (uint128);
}

interface IV4StateView {
    function getSlot0(bytes32 poolId)
        external
        view
        returns (uint160 sqrtPriceX96, int24 tick, uint24 protocolFee, uint24 lpFee);
    function getLiquidity(bytes32 poolId) external view returns (uint128);
}

interface IV4PoolManager {
    function initialize(PoolKey memory key, uint160 sqrtPriceX96) external returns (int24 tick);
}

/// @notice UniversalRouter 2.x: runs `commands` (one byte each) with their `inputs`.
interface IUniversalRouter {
    function execute(bytes calldata commands, bytes[] calldata inputs, uint256 deadline) external payable;
}
