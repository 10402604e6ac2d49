import { createPublicClient, createWalletClient, encodeFunctionData, http, parseAbi, type Transport } from "viem";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressesFor } from "../lib/chain/addresses";
import { minedReceipt, rpc } from "./anvil";
import { devAccount, WORLD_CHAIN_ID } from "./deploy/config";
import { withGasHeadroom } from "./gasHeadroom";
import { type RunningChain, startWorld } from "./world";

const sync = {
  address: addressesFor(WORLD_CHAIN_ID).uniswapV2.pairs.WETH_USDC,
  abi: parseAbi(["function sync()"]),
  functionName: "sync",
} as const;
const sender = devAccount(1);

describe("gas headroom of the devnet wallets", () => {
  let world: RunningChain;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  const latestTimestamp = async () =>
    Number((await rpc<{ timestamp: string }>(world.rpcUrl, "eth_getBlockByNumber", ["latest", false])).timestamp);

  /**
   * Updates the pair at a second ahead of both the chain and the wall clock (which anvil's pending block follows), so
   * that a transaction sent next is estimated in that second.
   */
  async function updatePairAhead() {
    const second = Math.max(await latestTimestamp(), Math.floor(Date.now() / 1000)) + 3_600;
    await rpc(world.rpcUrl, "evm_setNextBlockTimestamp", [second]);
    await rpc(world.rpcUrl, "eth_sendTransaction", [
      { from: sender.address, to: sync.address, data: encodeFunctionData(sync) },
    ]);
  }

  /** An HTTP transport to the world on which the clock moves a second on between a transaction's estimate and its send. */
  const secondPassesBeforeSend: Transport = (params) => {
    const inner = http(world.rpcUrl)(params);
    return {
      ...inner,
      request: async (args, options) => {
        if (args.method === "eth_sendRawTransaction") {
          await rpc(world.rpcUrl, "evm_setNextBlockTimestamp", [(await latestTimestamp()) + 1]);
        }
        return inner.request(args, options);
      },
    };
  };

  async function syncStatus(transport: Transport) {
    await updatePairAhead();
    const wallet = createWalletClient({ account: sender, chain: foundry, transport });
    const hash = await wallet.writeContract(sync);
    return (await minedReceipt(createPublicClient({ transport: http(world.rpcUrl) }), hash)).status;
  }

  it("covers a transaction estimated in the second of a V2 pair's last update and mined in the next, which anvil's estimate does not", async () => {
    // In a new second the pair also adds to its price accumulators: more gas than it was estimated with.
    expect(await syncStatus(secondPassesBeforeSend), "anvil's exact estimate runs out of gas").toBe("reverted");
    expect(await syncStatus(withGasHeadroom(secondPassesBeforeSend))).toBe("success");
  });
});
