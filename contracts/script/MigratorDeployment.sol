// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../src/Migrator.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Vm} from "forge-std/Vm.sol";

/// @title MigratorDeployment
/// @notice The one place that turns the world's addresses file into a deployed Migrator; the deploy script and
/// the tests both use it.
library MigratorDeployment {
    using stdJson for string;

    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice Reads the protocol addresses for `chainId` from the contents of `lib/addresses.json`.
    function configFor(string memory addressesJson, uint256 chainId, address guardian)
        internal
        pure
        returns (Migrator.Config memory)
    {
        string memory chain = string.concat("$['", VM.toString(chainId), "']");
        return Migrator.Config({
            guardian: guardian,
            weth: addressesJson.readAddress(string.concat(chain, ".tokens.WETH")),
            uniswapV2ToV3: IUniswapV2ToV3Route.UniswapV2ToV3Config({
                v2Factory: addressesJson.readAddress(string.concat(chain, ".uniswapV2.factory")),
                v2PairInitCodeHash: addressesJson.readBytes32(string.concat(chain, ".uniswapV2.pairInitCodeHash")),
                v3Factory: addressesJson.readAddress(string.concat(chain, ".uniswapV3.factory")),
                v3PoolInitCodeHash: addressesJson.readBytes32(string.concat(chain, ".uniswapV3.poolInitCodeHash")),
                positionManager: addressesJson.readAddress(string.concat(chain, ".uniswapV3.positionManager"))
            }),
            aaveV2ToV3: IAaveV2ToV3Route.AaveV2ToV3Config({
                v2Pool: addressesJson.readAddress(string.concat(chain, ".aaveV2.pool")),
                v3Pool: addressesJson.readAddress(string.concat(chain, ".aaveV3.pool"))
            })
        });
    }

    /// @notice Deploys a Migrator built for `config`.
    function deploy(Migrator.Config memory config) internal returns (Migrator) {
        return new Migrator(config);
    }
}
