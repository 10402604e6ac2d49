// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Migrator} from "../src/Migrator.sol";
import {MigratorDeployment} from "./MigratorDeployment.sol";
import {Script} from "forge-std/Script.sol";

/// @title Deploy
/// @notice Deploys the Migrator for this chain from `lib/addresses.json`, after checking those addresses against the
/// chain (`MigratorDeployment.requireMatchesChain`), and records it in `lib/ferry.json` as
/// `{ "<chainId>": { "migrator": "0x…", "deployBlock": N } }`, keeping other chains' entries.
/// The guardian (pause only; a multisig in production) is a parameter, `FERRY_GUARDIAN`, never the deploying key by
/// default. `FERRY_JSON` overrides the output path (the script's test).
/// Run: `FERRY_GUARDIAN=<multisig> forge script script/Deploy.s.sol --rpc-url <url> --broadcast --private-key <key>`.
contract Deploy is Script {
    string internal constant ADDRESSES_PATH = "../lib/addresses.json";
    string internal constant DEFAULT_FERRY_PATH = "../lib/ferry.json";

    /// @notice Thrown when no guardian is given (`FERRY_GUARDIAN` unset or zero).
    error GuardianMissing();

    /// @notice Deploys with the guardian from `FERRY_GUARDIAN` and records the deployment.
    function run() external returns (Migrator migrator) {
        migrator = deployFrom(vm.readFile(ADDRESSES_PATH), vm.envOr("FERRY_GUARDIAN", address(0)));
        _record(address(migrator));
    }

    /// @notice Deploys from the contents of an addresses file, checked against the chain first.
    function deployFrom(string memory addressesJson, address guardian) public returns (Migrator migrator) {
        if (guardian == address(0)) revert GuardianMissing();
        MigratorDeployment.Config memory config = MigratorDeployment.configFor(addressesJson, block.chainid, guardian);
        MigratorDeployment.requireMatchesChain(addressesJson, block.chainid, config);
        vm.startBroadcast();
        migrator = MigratorDeployment.deploy(config);
        vm.stopBroadcast();
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
