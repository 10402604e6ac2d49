// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolKey} from "./interfaces/IUniswapV4.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Base test running against the devnet world: real Uniswap V2/V3/V4, Permit2 and Aave V2/V3 bytecode,
/// seeded with demo positions. Build it first with `npm run world:build` (`npm run test:contracts` does).
/// @dev Addresses come from `lib/addresses.json`, the project's one addresses file, under this chain's id (31337).
abstract contract WorldTest is Test {
    using stdJson for string;

    string internal constant ALLOCS_PATH = "../devnet/.cache/world/allocs.json";
    string internal constant META_PATH = "../devnet/.cache/world/meta.json";
    string internal constant ADDRESSES_PATH = "../lib/addresses.json";
    /// @dev Anvil's default mnemonic: the world's demo accounts are its dev accounts 1..3.
    string internal constant DEV_MNEMONIC = "test test test test test test test test test test test junk";

    struct AaveReserveTokens {
        address aToken;
        address stableDebtToken;
        address variableDebtToken;
    }

    address internal WETH;
    address internal USDC;
    address internal DAI;
    address internal WBTC;
    address internal LINK;
    address internal UNI;

    address internal V2_FACTORY;
    address internal V2_ROUTER;
    address internal V3_FACTORY;
    address internal V3_NPM;
    address internal V3_SWAP_ROUTER;
    address internal V3_QUOTER;
    address internal V3_MIGRATOR;

    address internal PERMIT2;
    address internal V4_POOL_MANAGER;
    address internal V4_POSITION_MANAGER;
    address internal V4_STATE_VIEW;
    address internal V4_QUOTER;
    address internal UNIVERSAL_ROUTER;

    address internal AAVE_V2_POOL;
    address internal AAVE_V2_PROVIDER;
    address internal AAVE_V2_DATA_PROVIDER;
    address internal AAVE_V2_ORACLE;
    address internal AAVE_V3_POOL;
    address internal AAVE_V3_PROVIDER;
    address internal AAVE_V3_DATA_PROVIDER;
    address internal AAVE_V3_ORACLE;

    address internal deployer;
    address internal alice;
    address internal bob;
    address internal carol;
    uint256 internal aliceKey;
    uint256 internal bobKey;
    uint256 internal carolKey;

    /// @dev The whole addresses file, and the JSON path of this chain's entry in it, e.g. `$['31337']`.
    string internal addressesJson;
    string internal chainKey;

    function setUp() public virtual {
        vm.loadAllocs(ALLOCS_PATH);
        string memory meta = vm.readFile(META_PATH);
        // Aave's interest math runs on the world's clock, not forge's default timestamp of 1.
        vm.roll(meta.readUint(".blockNumber"));
        vm.warp(meta.readUint(".blockTimestamp"));

        addressesJson = vm.readFile(ADDRESSES_PATH);
        chainKey = string.concat("$['", vm.toString(block.chainid), "']");

        WETH = _token("WETH");
        USDC = _token("USDC");
        DAI = _token("DAI");
        WBTC = _token("WBTC");
        LINK = _token("LINK");
        UNI = _token("UNI");

        V2_FACTORY = _address(".uniswapV2.factory");
        V2_ROUTER = _address(".uniswapV2.router");
        V3_FACTORY = _address(".uniswapV3.factory");
        V3_NPM = _address(".uniswapV3.positionManager");
        V3_SWAP_ROUTER = _address(".uniswapV3.swapRouter");
        V3_QUOTER = _address(".uniswapV3.quoterV2");
        V3_MIGRATOR = _address(".uniswapV3.migrator");

        PERMIT2 = _address(".uniswapV4.permit2");
        V4_POOL_MANAGER = _address(".uniswapV4.poolManager");
        V4_POSITION_MANAGER = _address(".uniswapV4.positionManager");
        V4_STATE_VIEW = _address(".uniswapV4.stateView");
        V4_QUOTER = _address(".uniswapV4.quoter");
        UNIVERSAL_ROUTER = _address(".uniswapV4.universalRouter");

        AAVE_V2_POOL = _address(".aaveV2.pool");
        AAVE_V2_PROVIDER = _address(".aaveV2.addressesProvider");
        AAVE_V2_DATA_PROVIDER = _address(".aaveV2.dataProvider");
        AAVE_V2_ORACLE = _address(".aaveV2.oracle");
        AAVE_V3_POOL = _address(".aaveV3.pool");
        AAVE_V3_PROVIDER = _address(".aaveV3.addressesProvider");
        AAVE_V3_DATA_PROVIDER = _address(".aaveV3.dataProvider");
        AAVE_V3_ORACLE = _address(".aaveV3.oracle");

        deployer = _address(".accounts.deployer");
        (alice, aliceKey) = _devAccount(1, "alice");
        (bob, bobKey) = _devAccount(2, "bob");
        (carol, carolKey) = _devAccount(3, "carol");
        _labelAll();
    }

    /// @notice A seeded Uniswap V2 pair, by name: `WETH_USDC`, `DAI_USDC`, `WBTC_WETH`.
    function v2Pair(string memory name) internal view returns (address) {
        return _address(string.concat(".uniswapV2.pairs.", name));
    }

    /// @notice A Uniswap V3 pool, by name: `WETH_USDC_500`, `WETH_USDC_3000`, `DAI_USDC_100`, `WBTC_WETH_3000`,
    /// and `LINK_WETH_3000`, which exists but is not initialised.
    function v3Pool(string memory name) internal view returns (address) {
        return _address(string.concat(".uniswapV3.pools.", name));
    }

    /// @notice A seeded Uniswap V4 pool's key and id, by name: `ETH_USDC_500` (native ETH), `WETH_USDC_3000`,
    /// `DAI_USDC_100`.
    function v4Pool(string memory name) internal view returns (PoolKey memory key, bytes32 id) {
        string memory path = string.concat(chainKey, ".uniswapV4.pools.", name);
        key = PoolKey({
            currency0: addressesJson.readAddress(string.concat(path, ".currency0")),
            currency1: addressesJson.readAddress(string.concat(path, ".currency1")),
            fee: uint24(addressesJson.readUint(string.concat(path, ".fee"))),
            tickSpacing: int24(addressesJson.readInt(string.concat(path, ".tickSpacing"))),
            hooks: addressesJson.readAddress(string.concat(path, ".hooks"))
        });
        id = addressesJson.readBytes32(string.concat(path, ".id"));
    }

    /// @notice The aToken and debt tokens of an Aave V2 reserve, by underlying symbol (`WETH`, `USDC`, ...).
    function aaveV2Reserve(string memory symbol) internal view returns (AaveReserveTokens memory) {
        return _aaveReserve(".aaveV2.reserves.", symbol);
    }

    /// @notice The aToken and debt tokens of an Aave V3 reserve, by underlying symbol.
    function aaveV3Reserve(string memory symbol) internal view returns (AaveReserveTokens memory) {
        return _aaveReserve(".aaveV3.reserves.", symbol);
    }

    function _aaveReserve(string memory market, string memory symbol) private view returns (AaveReserveTokens memory) {
        string memory key = string.concat(market, symbol);
        return AaveReserveTokens({
            aToken: _address(string.concat(key, ".aToken")),
            stableDebtToken: _address(string.concat(key, ".stableDebtToken")),
            variableDebtToken: _address(string.concat(key, ".variableDebtToken"))
        });
    }

    function _token(string memory symbol) private view returns (address) {
        return _address(string.concat(".tokens.", symbol));
    }

    /// @dev Reads `key` under this chain's entry of the addresses file.
    function _address(string memory key) internal view returns (address) {
        return addressesJson.readAddress(string.concat(chainKey, key));
    }

    function _devAccount(uint32 index, string memory name) private returns (address account, uint256 key) {
        key = vm.deriveKey(DEV_MNEMONIC, index);
        account = vm.addr(key);
        require(account == _address(string.concat(".accounts.", name)), "WorldTest: addresses.json out of date");
        vm.label(account, name);
    }

    function _labelAll() private {
        vm.label(WETH, "WETH");
        vm.label(USDC, "USDC");
        vm.label(DAI, "DAI");
        vm.label(WBTC, "WBTC");
        vm.label(LINK, "LINK");
        vm.label(UNI, "UNI");
        vm.label(V2_FACTORY, "V2_FACTORY");
        vm.label(V2_ROUTER, "V2_ROUTER");
        vm.label(V3_FACTORY, "V3_FACTORY");
        vm.label(V3_NPM, "V3_NPM");
        vm.label(V3_SWAP_ROUTER, "V3_SWAP_ROUTER");
        vm.label(V3_QUOTER, "V3_QUOTER");
        vm.label(V3_MIGRATOR, "V3_MIGRATOR");
        vm.label(PERMIT2, "PERMIT2");
        vm.label(V4_POOL_MANAGER, "V4_POOL_MANAGER");
        vm.label(V4_POSITION_MANAGER, "V4_POSITION_MANAGER");
        vm.label(V4_STATE_VIEW, "V4_STATE_VIEW");
        vm.label(V4_QUOTER, "V4_QUOTER");
        vm.label(UNIVERSAL_ROUTER, "UNIVERSAL_ROUTER");
        vm.label(AAVE_V2_POOL, "AAVE_V2_POOL");
        vm.label(AAVE_V2_PROVIDER, "AAVE_V2_PROVIDER");
        vm.label(AAVE_V2_DATA_PROVIDER, "AAVE_V2_DATA_PROVIDER");
        vm.label(AAVE_V2_ORACLE, "AAVE_V2_ORACLE");
        vm.label(AAVE_V3_POOL, "AAVE_V3_POOL");
        vm.label(AAVE_V3_PROVIDER, "AAVE_V3_PROVIDER");
        vm.label(AAVE_V3_DATA_PROVIDER, "AAVE_V3_DATA_PROVIDER");
        vm.label(AAVE_V3_ORACLE, "AAVE_V3_ORACLE");
        vm.label(deployer, "deployer");
    }
}
