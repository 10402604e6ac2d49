// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";
import {MigratorDeployment} from "../../script/MigratorDeployment.sol";
import {Migrator} from "../../src/Migrator.sol";
import {WorldTest} from "../utils/WorldTest.sol";
import {stdJson} from "forge-std/StdJson.sol";

contract DeployScriptTest is WorldTest {
    using stdJson for string;

    string internal constant OUTPUT = "cache/ferry.deploy-test.json";
    address internal constant ENV_GUARDIAN = address(0x6A12D);

    Deploy internal script;
    address internal multisig;

    function setUp() public override {
        super.setUp();
        vm.setEnv("FERRY_JSON", OUTPUT);
        vm.setEnv("FERRY_GUARDIAN", vm.toString(ENV_GUARDIAN));
        vm.writeFile(OUTPUT, '{"1":{"migrator":"0x000000000000000000000000000000000000bEEF","deployBlock":7}}');
        script = new Deploy();
        multisig = makeAddr("multisig");
    }

    /// @dev The one test that records: the output file is shared by tests running in parallel.
    function test_Run_DeploysForTheWorldAndRecordsNextToOtherChains() public {
        Migrator migrator = script.run();

        assertEq(migrator.V2_FACTORY(), V2_FACTORY, "V2 factory from the addresses file");
        assertEq(migrator.V3_FACTORY(), V3_FACTORY, "V3 factory from the addresses file");
        assertEq(migrator.POSITION_MANAGER(), V3_NPM, "position manager from the addresses file");
        assertEq(migrator.WETH(), WETH, "WETH from the addresses file");
        assertEq(migrator.AAVE_V2_POOL(), AAVE_V2_POOL, "Aave V2 pool from the addresses file");
        assertEq(migrator.AAVE_V3_POOL(), AAVE_V3_POOL, "Aave V3 pool from the addresses file");
        assertEq(migrator.GUARDIAN(), ENV_GUARDIAN, "guardian from FERRY_GUARDIAN");
        string memory json = vm.readFile(OUTPUT);
        string memory chain = string.concat(".", vm.toString(block.chainid));
        assertEq(json.readAddress(string.concat(chain, ".migrator")), address(migrator), "recorded address");
        assertEq(json.readUint(string.concat(chain, ".deployBlock")), block.number, "recorded deploy block");
        assertEq(json.readAddress(".1.migrator"), address(0xbEEF), "other chains kept");
        assertEq(json.readUint(".1.deployBlock"), 7, "other chains' blocks kept");
    }

    // ---------------------------------------------------------------- guardian

    function test_Deploy_GuardianIsTheGivenAddressNotTheDeployer() public {
        (, address broadcaster,) = vm.readCallers();

        Migrator migrator = script.deployFrom(vm.readFile("../lib/addresses.json"), multisig);

        assertEq(migrator.GUARDIAN(), multisig, "the given guardian");
        assertTrue(migrator.GUARDIAN() != broadcaster, "not the deploying key");
    }

    function test_RevertWhen_NoGuardian() public {
        string memory addressesJson = vm.readFile("../lib/addresses.json");
        vm.expectRevert(Deploy.GuardianMissing.selector);
        script.deployFrom(addressesJson, address(0));
    }

    // ---------------------------------------------------------------- addresses checked against the chain

    function test_RevertWhen_PositionManagerOfAnotherFactory() public {
        string memory altered = _addressesWith("uniswapV3.factory", V2_FACTORY);

        vm.expectRevert(
            abi.encodeWithSelector(
                MigratorDeployment.PositionManagerFactoryMismatch.selector, V3_NPM, V3_FACTORY, V2_FACTORY
            )
        );
        script.deployFrom(altered, multisig);
    }

    function test_RevertWhen_PositionManagerWrapsAnotherWeth() public {
        string memory altered = _addressesWith("tokens.WETH", USDC);

        vm.expectRevert(
            abi.encodeWithSelector(MigratorDeployment.PositionManagerWethMismatch.selector, V3_NPM, WETH, USDC)
        );
        script.deployFrom(altered, multisig);
    }

    function test_RevertWhen_AaveV3PoolConfiguredAsTheV2One() public {
        string memory altered = _addressesWith("aaveV2.pool", AAVE_V3_POOL);

        vm.expectRevert(
            abi.encodeWithSelector(
                MigratorDeployment.AavePoolProviderMismatch.selector, AAVE_V3_POOL, address(0), AAVE_V2_PROVIDER
            )
        );
        script.deployFrom(altered, multisig);
    }

    function test_RevertWhen_AaveV3PoolOfAnotherMarket() public {
        address otherProvider = makeAddr("another market's provider");
        string memory altered = _addressesWith("aaveV3.addressesProvider", otherProvider);

        vm.expectRevert(
            abi.encodeWithSelector(
                MigratorDeployment.AavePoolProviderMismatch.selector, AAVE_V3_POOL, AAVE_V3_PROVIDER, otherProvider
            )
        );
        script.deployFrom(altered, multisig);
    }

    function test_RevertWhen_V4PositionManagerOfAnotherPoolManager() public {
        address otherPoolManager = makeAddr("another PoolManager");
        string memory altered = _addressesWith("uniswapV4.poolManager", otherPoolManager);

        vm.expectRevert(
            abi.encodeWithSelector(
                MigratorDeployment.V4PositionManagerPoolManagerMismatch.selector,
                V4_POSITION_MANAGER,
                V4_POOL_MANAGER,
                otherPoolManager
            )
        );
        script.deployFrom(altered, multisig);
    }

    function test_RevertWhen_V4PositionManagerIsNotOne() public {
        string memory altered = _addressesWith("uniswapV4.positionManager", V3_NPM);

        vm.expectRevert(
            abi.encodeWithSelector(
                MigratorDeployment.V4PositionManagerPoolManagerMismatch.selector, V3_NPM, address(0), V4_POOL_MANAGER
            )
        );
        script.deployFrom(altered, multisig);
    }

    /// @dev The world's addresses file with this chain's `key` set to `value`, in a file of the test's own.
    function _addressesWith(string memory key, address value) internal returns (string memory) {
        string memory path = string.concat("cache/addresses.", key, ".json");
        vm.writeFile(path, vm.readFile("../lib/addresses.json"));
        vm.writeJson(
            string.concat('"', vm.toString(value), '"'), path, string.concat(".", vm.toString(block.chainid), ".", key)
        );
        return vm.readFile(path);
    }
}
