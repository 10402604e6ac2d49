// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm} from "forge-std/Vm.sol";

/// @notice Formatting shared by the gas tables `npm run bench:gas` prints.
library GasTable {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice `numerator / denominator` with three decimals, e.g. `0.976x`.
    function ratio(uint256 numerator, uint256 denominator) internal pure returns (string memory) {
        uint256 thousandths = numerator * 1000 / denominator;
        string memory fraction = VM.toString(thousandths % 1000);
        while (bytes(fraction).length < 3) fraction = string.concat("0", fraction);
        return string.concat(VM.toString(thousandths / 1000), ".", fraction, "x");
    }
}
