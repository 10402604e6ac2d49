// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";
import {Migrator} from "../../src/Migrator.sol";
import {WorldTest} from "../utils/WorldTest.sol";
import {stdJson} from "forge-std/StdJson.sol";

contract DeployScriptTest is WorldTest {
    using stdJson for string;

    string internal constant OUTPUT = "cache/ferry.deploy-test.json";

    function setUp() public override {
        super.setUp();
        vm.setEnv("FERRY_JSON", OUTPUT);
        vm.writeFile(OUTPUT, '{"1":{"migrator":"0x000000000000000000000000000000000000bEEF","deployBlock":7}}');
    }

    function test_Run_DeploysForTheWorldAndRecordsNextToOtherChains() public {
        Migrator migrator = new Deploy().run();

        assertEq(migrator.V2_FACTORY(), V2_FACTORY, "V2 factory from the addresses file");
        assertEq(migrator.V3_FACTORY(), V3_FACTORY, "V3 factory from the addresses file");
        assertEq(migrator.POSITION_MANAGER(), V3_NPM, "position manager from the addresses file");
        assertEq(migrator.WETH(), WETH, "WETH from the addresses file");
        string memory json = vm.readFile(OUTPUT);
        string memory chain = string.concat(".", vm.toString(block.chainid));
        assertEq(json.readAddress(string.concat(chain, ".migrator")), address(migrator), "recorded address");
        assertEq(json.readUint(string.concat(chain, ".deployBlock")), block.number, "recorded deploy block");
        assertEq(json.readAddress(".1.migrator"), address(0xbEEF), "other chains kept");
        assertEq(json.readUint(".1.deployBlock"), 7, "other chains' blocks kept");
    }
}
