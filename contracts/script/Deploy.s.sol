// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../src/Migrator.sol";
import {MigratorDeployment} from "./MigratorDeployment.sol";
import {Script} from "forge-std/Script.sol";

/// @title Deploy
/// @notice Deploys the Migrator for this chain from `lib/addresses.json` and records it in `lib/ferry.json`
/// as `{ "<chainId>": { "migrator": "0x…", "deployBlock": N } }`, keeping other chains' entries.
/// The broadcaster becomes the guardian (pause only). `FERRY_JSON` overrides the output path (the script's test).
/// Run: `forge script script/Deploy.s.sol --rpc-url <url> --broadcast --private-key <key>`.
contract Deploy is Script {
    string internal constant ADDRESSES_PATH = "../lib/addresses.json";
    string internal constant DEFAULT_FERRY_PATH = "../lib/ferry.json";

    function run() external returns (Migrator migrator) {
        vm.startBroadcast();
        (, address broadcaster,) = vm.readCallers();
        migrator = MigratorDeployment.deploy(
            MigratorDeployment.configFor(vm.readFile(ADDRESSES_PATH), block.chainid, broadcaster)
        );
        vm.stopBroadcast();
        _record(address(migrator));
    }

    /// @dev `deployBlock` is the block the script ran against: a safe lower bound for indexers.
    function _record(address migrator) internal {
        string memory path = vm.envOr("FERRY_JSON", DEFAULT_FERRY_PATH);
        if (vm.exists(path)) vm.serializeJson("ferry", vm.readFile(path));
        vm.serializeAddress("chain", "migrator", migrator);
        string memory chain = vm.serializeUint("chain", "deployBlock", block.number);
        vm.writeJson(vm.serializeString("ferry", vm.toString(block.chainid), chain), path);
    }
}
