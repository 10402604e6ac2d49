import { type Address, createWalletClient, erc20Abi, http, type LocalAccount, parseAbi } from "viem";
import { addressesFor } from "../../lib/addresses";
import { e2eEnv } from "./env";
import type { ChainClient } from "./fixtures";

const v2PoolAbi = parseAbi([
  "function deposit(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)",
]);
// A gas estimate made in the same second as the reserve's last update skips interest accrual: give a fixed limit.
const ENOUGH_GAS = 1_500_000n;

/** Supplies `amount` of a token the account holds to Aave V2, as the user would have before using Ferry. */
export async function supplyOnAaveV2(chain: ChainClient, account: LocalAccount, asset: Address, amount: bigint) {
  const { pool } = addressesFor(31337).aaveV2;
  const wallet = createWalletClient({ account, chain: chain.chain, transport: http(e2eEnv("rpcUrl")) });
  for (const hash of [
    await wallet.writeContract({ address: asset, abi: erc20Abi, functionName: "approve", args: [pool, amount] }),
    await wallet.writeContract({
      address: pool,
      abi: v2PoolAbi,
      functionName: "deposit",
      args: [asset, amount, account.address, 0],
      gas: ENOUGH_GAS,
    }),
  ]) {
    const receipt = await chain.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`supplying ${asset} on Aave V2 reverted`);
  }
}

/** The account's balance of an aToken or debt token. */
export const tokenBalance = (chain: ChainClient, token: Address, owner: Address) =>
  chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [owner] });
