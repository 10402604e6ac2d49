import { createPublicClient, erc20Abi, http, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressesFor } from "../lib/chain/addresses";
import { accounts, WORLD_CHAIN_ID } from "./deploy/config";
import { checkAddressBook, prepareFork, setTokenBalance } from "./fork-mode";
import { type RunningChain, startFork, startWorld } from "./world";

const world = addressesFor(WORLD_CHAIN_ID);

// Fork mode against mainnet cannot run here (no RPC reachable), so it runs against a fork of the world node:
// the same code path, with the world's entry of the address book.
describe("fork mode", () => {
  let upstream: RunningChain;
  let fork: RunningChain;

  beforeAll(async () => {
    upstream = await startWorld();
    fork = await startFork(upstream.rpcUrl);
  });
  afterAll(async () => {
    await fork?.stop();
    await upstream?.stop();
  });

  it("finds the address book consistent with the chain", async () => {
    expect(await checkAddressBook(fork.rpcUrl, world)).toEqual([]);
  });

  it("reports a book entry the chain contradicts", async () => {
    const wrong = { ...world, aaveV3: { ...world.aaveV3, pool: world.aaveV2.pool } };
    const problems = await checkAddressBook(fork.rpcUrl, wrong);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^aaveV3\.pool is .* but the addresses provider reports/);
  });

  it("sets any account's token balance by storage writes", async () => {
    const client = createPublicClient({ transport: http(fork.rpcUrl) });
    const account = accounts.ferryDeployer;
    for (const [token, amount] of [
      [world.tokens.USDC, 1_234_000_000n],
      [world.tokens.WETH, parseEther("7")],
    ] as const) {
      await setTokenBalance(fork.rpcUrl, token, account, amount);
      const balance = await client.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [account],
      });
      expect(balance).toBe(amount);
    }
  });

  it("funds the demo accounts with ETH", async () => {
    expect(await prepareFork(fork.rpcUrl, WORLD_CHAIN_ID)).toEqual([]);
    const client = createPublicClient({ transport: http(fork.rpcUrl) });
    expect(await client.getBalance({ address: accounts.carol })).toBe(parseEther("100"));
  });
});
