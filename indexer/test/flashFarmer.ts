import { type Address, erc20Abi, type Hex, maxUint256 } from "viem";
import { minedReceipt } from "../../devnet/anvil";
import type { ChainWallet } from "../../devnet/migrations";
import { migrateCall, NO_PERMIT } from "../../lib/migrator/encoding";
import { aaveV2ToV3Position } from "../../lib/routes/aaveV2ToV3/params";
import { compileContract } from "./solidity";

/**
 * The flash-loan variant of aToken re-crediting (issue 13, pattern 2), in one transaction: borrow an asset from Aave
 * V3's flash loan, supply it to Aave V2, migrate it to V3 through Ferry (credited to the farmer), move the V3 aTokens
 * to a second contract that withdraws them, and repay the loan. The farmer only pays the loan's premium.
 */
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;
interface IERC20 {
    function approve(address spender, uint256 value) external returns (bool);
    function transfer(address to, uint256 value) external returns (bool);
    function balanceOf(address owner) external view returns (uint256);
}
interface IPoolV3 {
    function flashLoanSimple(address receiver, address asset, uint256 amount, bytes calldata params, uint16 referral) external;
    function withdraw(address asset, uint256 amount, address to) external returns (uint256);
}
interface ILendingPoolV2 {
    function deposit(address asset, uint256 amount, address onBehalfOf, uint16 referral) external;
}
contract Withdrawer {
    function withdrawAll(address pool, address asset, address to) external {
        IPoolV3(pool).withdraw(asset, type(uint256).max, to);
    }
}
contract FlashFarmer {
    struct Farm {
        address poolV3;
        address poolV2;
        address asset;
        address aTokenV2;
        address aTokenV3;
        address migrator;
        bytes migrateCall;
    }
    Farm private farm;
    Withdrawer public immutable WITHDRAWER = new Withdrawer();

    function run(Farm calldata plan, uint256 amount) external {
        farm = plan;
        IPoolV3(plan.poolV3).flashLoanSimple(address(this), plan.asset, amount, "", 0);
    }

    function executeOperation(address asset, uint256 amount, uint256 premium, address, bytes calldata)
        external
        returns (bool)
    {
        Farm memory f = farm;
        require(msg.sender == f.poolV3);
        IERC20(asset).approve(f.poolV2, amount);
        ILendingPoolV2(f.poolV2).deposit(asset, amount, address(this), 0);
        IERC20(f.aTokenV2).approve(f.migrator, type(uint256).max);
        (bool ok, bytes memory reason) = f.migrator.call(f.migrateCall);
        if (!ok) assembly { revert(add(reason, 32), mload(reason)) }
        IERC20(f.aTokenV3).transfer(address(WITHDRAWER), IERC20(f.aTokenV3).balanceOf(address(this)));
        WITHDRAWER.withdrawAll(f.poolV3, asset, address(this));
        IERC20(asset).approve(f.poolV3, amount + premium);
        return true;
    }
}`;

export interface FlashFarm {
  poolV3: Address;
  poolV2: Address;
  asset: Address;
  aTokenV2: Address;
  aTokenV3: Address;
  migrator: Address;
}

/**
 * Deploys a FlashFarmer, gives it `premium` of the asset (which the wallet must hold) for the loan's fee, and runs the
 * farm on `amount`; resolves with the farmer's address and the transaction's hash.
 */
export async function flashFarm(
  wallet: ChainWallet,
  farm: FlashFarm,
  { amount, premium }: { amount: bigint; premium: bigint },
): Promise<{ farmer: Address; hash: Hex }> {
  const { abi, bytecode } = compileContract(SOURCE, "FlashFarmer");
  const deployed = await minedReceipt(wallet, await wallet.deployContract({ abi, bytecode }));
  const farmer = deployed.contractAddress;
  if (!farmer) throw new Error("FlashFarmer deployment has no address");
  await minedReceipt(
    wallet,
    await wallet.writeContract({
      address: farm.asset,
      abi: erc20Abi,
      functionName: "transfer",
      args: [farmer, premium],
    }),
  );
  const position = aaveV2ToV3Position({
    collateral: [{ asset: farm.asset, permit: NO_PERMIT }],
    debt: [],
    minHealthFactor: 0n,
    minSourceHealthFactor: 0n,
  });
  const { data } = migrateCall(farm.migrator, [position], maxUint256, false);
  const hash = await wallet.writeContract({
    address: farmer,
    abi,
    functionName: "run",
    args: [{ ...farm, migrateCall: data }, amount],
    gas: 5_000_000n,
  });
  const receipt = await minedReceipt(wallet, hash);
  if (receipt.status !== "success") throw new Error(`the flash farm ${hash} reverted`);
  return { farmer, hash };
}
