// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20} from "solmate/tokens/ERC20.sol";

/// @notice A hostile ERC20 that calls `hookTarget` with `hookData` on every transfer while armed, and records
/// how that call ended (the re-entrancy probe).
contract HookToken is ERC20 {
    address public hookTarget;
    bytes public hookData;
    bool public hookCalled;
    bool public hookSucceeded;
    bytes public hookReturnData;

    constructor() ERC20("Hook", "HOOK", 18) {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target, bytes calldata data) external {
        hookTarget = target;
        hookData = data;
    }

    function transfer(address to, uint256 amount) public override returns (bool) {
        _hook();
        return super.transfer(to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        _hook();
        return super.transferFrom(from, to, amount);
    }

    function _hook() private {
        if (hookTarget == address(0) || hookCalled) return;
        hookCalled = true;
        (hookSucceeded, hookReturnData) = hookTarget.call(hookData);
    }
}
