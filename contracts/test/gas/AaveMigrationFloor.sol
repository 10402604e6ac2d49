// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IAaveDebtToken} from "../../src/interfaces/external/IAaveTokens.sol";
import {IAaveV2LendingPool} from "../../src/interfaces/external/IAaveV2LendingPool.sol";
import {IAaveV3Pool} from "../../src/interfaces/external/IAaveV3Pool.sol";
import {IERC20Permit} from "../../src/interfaces/external/IERC20Permit.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice The protocol work of an Aave V2 → V3 migration and nothing else: per supply the aToken permit and pull, the
/// V2 withdrawal, the approval and the V3 supply; per debt the credit delegation, then one V3 flash loan in variable
/// mode whose callback repays V2 (approval, one repay per rate mode) and moves the supplies. Amounts come from the
/// caller, read off-chain in the same block. No reserve rules, balance reads, health factors, lock or event, and no
/// check on who calls back — unsafe, for the gas table only: Ferry's Aave overhead is what it costs above this.
contract AaveMigrationFloor {
    IAaveV2LendingPool private immutable V2_POOL;
    IAaveV3Pool private immutable V3_POOL;

    struct Supply {
        address asset;
        address aToken;
        uint256 amount;
        IMigrator.PermitSignature permit;
    }

    struct Debt {
        address asset;
        address v3DebtToken;
        uint256 stableDebt;
        uint256 variableDebt;
        IMigrator.PermitSignature delegation;
    }

    constructor(IAaveV2LendingPool v2Pool, IAaveV3Pool v3Pool) {
        (V2_POOL, V3_POOL) = (v2Pool, v3Pool);
    }

    function migrate(Supply[] calldata supplies, Debt[] calldata debts) external {
        for (uint256 i; i < supplies.length; ++i) {
            IMigrator.PermitSignature calldata p = supplies[i].permit;
            IERC20Permit(supplies[i].aToken).permit(msg.sender, address(this), p.value, p.deadline, p.v, p.r, p.s);
        }
        if (debts.length == 0) {
            _moveSupplies(msg.sender, supplies);
            return;
        }
        address[] memory assets = new address[](debts.length);
        uint256[] memory amounts = new uint256[](debts.length);
        uint256[] memory modes = new uint256[](debts.length);
        for (uint256 i; i < debts.length; ++i) {
            IMigrator.PermitSignature calldata d = debts[i].delegation;
            IAaveDebtToken(debts[i].v3DebtToken)
                .delegationWithSig(msg.sender, address(this), d.value, d.deadline, d.v, d.r, d.s);
            (assets[i], amounts[i], modes[i]) = (debts[i].asset, debts[i].stableDebt + debts[i].variableDebt, 2);
        }
        V3_POOL.flashLoan(address(this), assets, amounts, modes, msg.sender, abi.encode(msg.sender, supplies, debts), 0);
    }

    function executeOperation(
        address[] calldata,
        uint256[] calldata,
        uint256[] calldata,
        address,
        bytes calldata params
    ) external returns (bool) {
        (address user, Supply[] memory supplies, Debt[] memory debts) = abi.decode(params, (address, Supply[], Debt[]));
        for (uint256 i; i < debts.length; ++i) {
            Debt memory debt = debts[i];
            IERC20(debt.asset).approve(address(V2_POOL), debt.stableDebt + debt.variableDebt);
            if (debt.stableDebt != 0) V2_POOL.repay(debt.asset, debt.stableDebt, 1, user);
            if (debt.variableDebt != 0) V2_POOL.repay(debt.asset, debt.variableDebt, 2, user);
        }
        _moveSupplies(user, supplies);
        return true;
    }

    function _moveSupplies(address user, Supply[] memory supplies) private {
        for (uint256 i; i < supplies.length; ++i) {
            Supply memory supply = supplies[i];
            IERC20(supply.aToken).transferFrom(user, address(this), supply.amount);
            uint256 withdrawn = V2_POOL.withdraw(supply.asset, type(uint256).max, address(this));
            IERC20(supply.asset).approve(address(V3_POOL), withdrawn);
            V3_POOL.supply(supply.asset, withdrawn, user, 0);
        }
    }
}

