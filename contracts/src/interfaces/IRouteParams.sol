// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAaveV2ToV3Route} from "./routes/IAaveV2ToV3Route.sol";
import {IUniswapV2ToV3Route} from "./routes/IUniswapV2ToV3Route.sol";

/// @title IRouteParams
/// @notice The parameter struct of each route as a function input, so that the ABI, and the encoders generated
/// from it off-chain, carry the exact struct `IMigrator.Position.params` is decoded into. Nothing implements it.
interface IRouteParams {
    /// @notice The parameters of `IMigrator.Route.UniswapV2ToV3`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function uniswapV2ToV3(IUniswapV2ToV3Route.UniswapV2ToV3Params calldata params) external;

    /// @notice The parameters of `IMigrator.Route.AaveV2ToV3`.
    /// @param params The parameters, abi-encoded into `IMigrator.Position.params`.
    function aaveV2ToV3(IAaveV2ToV3Route.AaveV2ToV3Params calldata params) external;
}
