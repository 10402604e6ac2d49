// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../src/Migrator.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {IUniswapV2ToV4Route} from "../src/interfaces/routes/IUniswapV2ToV4Route.sol";
import {IUniswapV3ToV4Route} from "../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {UniswapV2ToV4Route} from "../src/routes/UniswapV2ToV4Route.sol";
import {UniswapV3ToV4Route} from "../src/routes/UniswapV3ToV4Route.sol";
import {
    IAaveV2PoolMarket,
    IAaveV3PoolMarket,
    IPeripheryImmutableState,
    IV4ImmutableState
} from "./ProtocolInterfaces.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Vm} from "forge-std/Vm.sol";

/// @title MigratorDeployment
/// @notice The one place that turns the world's addresses file into a deployed Migrator; the deploy script and
/// the tests both use it.
library MigratorDeployment {
    using stdJson for string;

    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice What a deployment is built from: the Migrator's config, whose delegated route addresses `deploy` fills
    /// in, and the protocol contracts of each delegated route.
    /// @param migrator The Migrator's config.
    /// @param uniswapV3ToV4 The contracts of route `UniswapV3ToV4`.
    /// @param uniswapV2ToV4 The contracts of route `UniswapV2ToV4`.
    struct Config {
        Migrator.Config migrator;
        IUniswapV3ToV4Route.UniswapV3ToV4Config uniswapV3ToV4;
        IUniswapV2ToV4Route.UniswapV2ToV4Config uniswapV2ToV4;
    }

    /// @notice Thrown when the position manager was built for another Uniswap V3 factory than the configured one
    /// (or answers no `factory()`): its pools would not be the ones whose prices the Migrator bounds.
    /// @param positionManager The configured position manager.
    /// @param factory Its factory (zero when it has none).
    /// @param expected The configured V3 factory.
    error PositionManagerFactoryMismatch(address positionManager, address factory, address expected);

    /// @notice Thrown when the position manager wraps another WETH than the configured one (or answers no `WETH9()`).
    /// @param positionManager The configured position manager.
    /// @param weth Its WETH9 (zero when it has none).
    /// @param expected The configured WETH.
    error PositionManagerWethMismatch(address positionManager, address weth, address expected);

    /// @notice Thrown when the V4 PositionManager was built for another PoolManager than the configured one (or
    /// answers no `poolManager()`): the Migrator would bound the price of pools it does not deposit into.
    /// @param positionManager The configured V4 PositionManager.
    /// @param poolManager Its PoolManager (zero when it has none).
    /// @param expected The configured PoolManager.
    error V4PositionManagerPoolManagerMismatch(address positionManager, address poolManager, address expected);

    /// @notice Thrown when an Aave pool belongs to another market than the addresses file's provider (or answers no
    /// provider getter, e.g. a V3 pool configured as the V2 one).
    /// @param pool The configured pool.
    /// @param provider Its addresses provider (zero when it has none).
    /// @param expected The addresses file's provider for that market.
    error AavePoolProviderMismatch(address pool, address provider, address expected);

    /// @notice Reads the protocol addresses for `chainId` from the contents of `lib/addresses.json`.
    function configFor(string memory addressesJson, uint256 chainId, address guardian)
        internal
        pure
        returns (Config memory config)
    {
        string memory chain = _chain(chainId);
        config.uniswapV3ToV4 = IUniswapV3ToV4Route.UniswapV3ToV4Config({
            weth: addressesJson.readAddress(string.concat(chain, ".tokens.WETH")),
            v3PositionManager: addressesJson.readAddress(string.concat(chain, ".uniswapV3.positionManager")),
            v3Factory: addressesJson.readAddress(string.concat(chain, ".uniswapV3.factory")),
            v3PoolInitCodeHash: addressesJson.readBytes32(string.concat(chain, ".uniswapV3.poolInitCodeHash")),
            v4PoolManager: addressesJson.readAddress(string.concat(chain, ".uniswapV4.poolManager")),
            v4PositionManager: addressesJson.readAddress(string.concat(chain, ".uniswapV4.positionManager"))
        });
        config.uniswapV2ToV4 = IUniswapV2ToV4Route.UniswapV2ToV4Config({
            weth: config.uniswapV3ToV4.weth,
            v2Factory: addressesJson.readAddress(string.concat(chain, ".uniswapV2.factory")),
            v2PairInitCodeHash: addressesJson.readBytes32(string.concat(chain, ".uniswapV2.pairInitCodeHash")),
            v4PoolManager: config.uniswapV3ToV4.v4PoolManager,
            v4PositionManager: config.uniswapV3ToV4.v4PositionManager
        });
        config.migrator = Migrator.Config({
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
            }),
            uniswapV3ToV4Route: address(0),
            uniswapV2ToV4Route: address(0)
        });
    }

    /// @notice Requires `config` to agree with the chain: the position manager's own factory and WETH, and each Aave
    /// pool's addresses provider as `lib/addresses.json` records it for `chainId`. The Migrator is immutable, so a
    /// wrong address found after deployment means a new Migrator.
    function requireMatchesChain(string memory addressesJson, uint256 chainId, Config memory deployment) internal view {
        string memory chain = _chain(chainId);
        Migrator.Config memory config = deployment.migrator;
        address positionManager = config.uniswapV2ToV3.positionManager;
        address factory = _readAddress(positionManager, IPeripheryImmutableState.factory.selector);
        if (factory != config.uniswapV2ToV3.v3Factory) {
            revert PositionManagerFactoryMismatch(positionManager, factory, config.uniswapV2ToV3.v3Factory);
        }
        address weth = _readAddress(positionManager, IPeripheryImmutableState.WETH9.selector);
        if (weth != config.weth) revert PositionManagerWethMismatch(positionManager, weth, config.weth);
        _requireProvider(
            config.aaveV2ToV3.v2Pool,
            IAaveV2PoolMarket.getAddressesProvider.selector,
            addressesJson.readAddress(string.concat(chain, ".aaveV2.addressesProvider"))
        );
        _requireProvider(
            config.aaveV2ToV3.v3Pool,
            IAaveV3PoolMarket.ADDRESSES_PROVIDER.selector,
            addressesJson.readAddress(string.concat(chain, ".aaveV3.addressesProvider"))
        );
        address v4PositionManager = deployment.uniswapV3ToV4.v4PositionManager;
        address poolManager = _readAddress(v4PositionManager, IV4ImmutableState.poolManager.selector);
        if (poolManager != deployment.uniswapV3ToV4.v4PoolManager) {
            revert V4PositionManagerPoolManagerMismatch(
                v4PositionManager, poolManager, deployment.uniswapV3ToV4.v4PoolManager
            );
        }
    }

    /// @notice Deploys the delegated route contracts, then a Migrator built for `config` that runs them.
    function deploy(Config memory config) internal returns (Migrator) {
        config.migrator.uniswapV3ToV4Route = address(new UniswapV3ToV4Route(config.uniswapV3ToV4));
        config.migrator.uniswapV2ToV4Route = address(new UniswapV2ToV4Route(config.uniswapV2ToV4));
        return new Migrator(config.migrator);
    }

    function _requireProvider(address pool, bytes4 getter, address expected) private view {
        address provider = _readAddress(pool, getter);
        if (provider != expected) revert AavePoolProviderMismatch(pool, provider, expected);
    }

    /// @dev The address a no-argument getter returns, or zero when `target` does not answer it (no code, no such
    /// function, short return data), so that every wrong address ends in a typed error.
    function _readAddress(address target, bytes4 getter) private view returns (address) {
        (bool ok, bytes memory data) = target.staticcall(abi.encodeWithSelector(getter));
        if (!ok || data.length != 32) return address(0);
        return abi.decode(data, (address));
    }

    function _chain(uint256 chainId) private pure returns (string memory) {
        return string.concat("$['", VM.toString(chainId), "']");
    }
}
