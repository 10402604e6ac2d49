// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {WethRefunds} from "./base/WethRefunds.sol";
import {IMigrator} from "./interfaces/IMigrator.sol";
import {IDelegatedRoute} from "./interfaces/routes/IDelegatedRoute.sol";
import {AaveV2ToV3Route} from "./routes/AaveV2ToV3Route.sol";
import {UniswapV2ToV3Route} from "./routes/UniswapV2ToV3Route.sol";

/// @title Migrator
/// @notice Ferry's entry point: migrates a batch of the caller's positions in one all-or-nothing transaction.
/// @dev Immutable and ownerless. The guardian can only pause `migrate`; no path moves user funds but `migrate`
/// on behalf of `msg.sender`. Each route lives in its own base contract under `routes/`, with its interface under
/// `interfaces/routes/`; the Uniswap V4 routes are contracts of their own that `migrate` runs by `delegatecall`
/// (`IDelegatedRoute`), which keeps the Migrator under the contract size limit.
contract Migrator is IMigrator, UniswapV2ToV3Route, AaveV2ToV3Route {
    /// @notice What a Migrator is built for: its guardian, WETH and each route's protocol contracts.
    /// @param guardian The only account allowed to pause.
    /// @param weth The WETH9 contract whose refunds may be unwrapped.
    /// @param uniswapV2ToV3 The contracts of route `UniswapV2ToV3`.
    /// @param aaveV2ToV3 The contracts of route `AaveV2ToV3`.
    /// @param uniswapV3ToV4Route The contract of route `UniswapV3ToV4` (`MigratorDeployment` deploys it first).
    /// @param uniswapV2ToV4Route The contract of route `UniswapV2ToV4`, likewise.
    struct Config {
        address guardian;
        address weth;
        UniswapV2ToV3Config uniswapV2ToV3;
        AaveV2ToV3Config aaveV2ToV3;
        address uniswapV3ToV4Route;
        address uniswapV2ToV4Route;
    }

    /// @inheritdoc IMigrator
    address public immutable GUARDIAN;

    /// @inheritdoc IMigrator
    bool public paused;

    /// @inheritdoc IMigrator
    address public immutable UNISWAP_V3_TO_V4_ROUTE;

    /// @inheritdoc IMigrator
    address public immutable UNISWAP_V2_TO_V4_ROUTE;

    bool private transient _locked;

    constructor(Config memory config)
        WethRefunds(config.weth)
        UniswapV2ToV3Route(config.uniswapV2ToV3)
        AaveV2ToV3Route(config.aaveV2ToV3)
    {
        GUARDIAN = config.guardian;
        UNISWAP_V3_TO_V4_ROUTE = config.uniswapV3ToV4Route;
        UNISWAP_V2_TO_V4_ROUTE = config.uniswapV2ToV4Route;
    }

    /// @inheritdoc IMigrator
    function migrate(Position[] calldata positions, uint256 deadline, bool unwrapWeth) external payable {
        if (_locked) revert Reentrancy();
        _locked = true;
        if (paused) revert MigrationsPaused();
        if (block.timestamp > deadline) revert DeadlinePassed(deadline, block.timestamp);
        if (positions.length == 0) revert NoPositions();

        for (uint256 i; i < positions.length; ++i) {
            _migrate(positions[i], unwrapWeth);
        }
        _refundEth();
        _locked = false;
    }

    /// @inheritdoc IMigrator
    function setPaused(bool paused_) external {
        if (msg.sender != GUARDIAN) revert NotGuardian(msg.sender);
        paused = paused_;
        emit PausedSet(paused_);
    }

    /// @dev Sends the caller whatever ETH the Migrator holds at the end of the batch: the part of `msg.value` no route
    /// spent. No route reads `msg.value` (a delegated one sees it on every leg, so two legs could both count it): a
    /// route pays ETH from the balance, so the ETH sent is spent at most once and the rest always comes back.
    function _refundEth() private {
        uint256 left = address(this).balance;
        if (left == 0) return;
        (bool sent,) = msg.sender.call{value: left}("");
        if (!sent) revert EthTransferFailed(msg.sender, left);
    }

    /// @dev The route dispatcher. The ABI decoder rejects route values that no branch handles.
    function _migrate(Position calldata position, bool unwrapWeth) private {
        Route route = position.route;
        if (route == Route.UniswapV2ToV3) {
            _migrateUniswapV2ToV3(position.params, unwrapWeth);
        } else if (route == Route.AaveV2ToV3) {
            _migrateAaveV2ToV3(abi.decode(position.params, (AaveV2ToV3Params)));
        } else if (route == Route.UniswapV3ToV4) {
            _delegate(UNISWAP_V3_TO_V4_ROUTE, position.params, unwrapWeth);
        } else if (route == Route.UniswapV2ToV4) {
            _delegate(UNISWAP_V2_TO_V4_ROUTE, position.params, unwrapWeth);
        }
    }

    /// @dev Runs a delegated route's `migrate(params, unwrapWeth)` in the Migrator's context and bubbles up its revert.
    /// The call is `abi.encodeCall`'s, written straight from the batch's calldata without the copies.
    function _delegate(address route, bytes calldata params, bool unwrapWeth) private {
        bytes4 selector = IDelegatedRoute.migrate.selector;
        assembly ("memory-safe") {
            let data := mload(0x40)
            mstore(data, selector)
            mstore(add(data, 0x04), 0x40) // offset of `params`
            mstore(add(data, 0x24), unwrapWeth)
            mstore(add(data, 0x44), params.length)
            calldatacopy(add(data, 0x64), params.offset, params.length)
            if iszero(delegatecall(gas(), route, data, add(0x64, params.length), 0, 0)) {
                returndatacopy(data, 0, returndatasize())
                revert(data, returndatasize())
            }
        }
    }
}
