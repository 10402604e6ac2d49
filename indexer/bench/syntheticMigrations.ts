import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  formatLog,
  type Hex,
  maxUint256,
  numberToHex,
  parseEventLogs,
  type RpcLog,
} from "viem";
import { rpc } from "../../devnet/anvil";
import { v2ToV3Args } from "../../devnet/migrations";
import type { ChainAddresses } from "../../lib/chain/addresses";
import { migratorAbi, nonfungiblePositionManagerAbi, uniswapV2PairAbi } from "../../lib/generated/abis";

/** Enough for a migration that mints a new V3 position; explicit so no transaction needs an estimate. */
const MIGRATION_GAS = 700_000n;
const TRANSFER_GAS = 100_000n;
const DECREASE_GAS = 250_000n;
const RPC_BATCH = 250;

interface Tx {
  from: Address;
  to: Address;
  data: Hex;
  gas: bigint;
}

export interface SyntheticPlan {
  users: number;
  migrationsPerUser: number;
  /** Transactions per block: the node must be started with a block gas limit that fits them. */
  perBlock: number;
}

/**
 * Generates `users × migrationsPerUser` real migrations on an anvil world: the demo LP hands V2 LP tokens to
 * synthetic users (impersonated, funded), each approves the Migrator once, then migrates 2% of its LP again and
 * again, across the world's three V2 pairs; then every new position has half its liquidity pulled out (a later
 * `DecreaseLiquidity` the indexer follows). Transactions are sent in JSON-RPC batches with automine off and
 * mined `perBlock` at a time. Returns the number of the last block holding one.
 */
export async function generateMigrations(
  rpcUrl: string,
  addresses: ChainAddresses,
  migrator: Address,
  lpHolder: Address,
  plan: SyntheticPlan,
): Promise<number> {
  const read = async (pair: Address, functionName: "token0" | "token1") =>
    `0x${(await rpc<Hex>(rpcUrl, "eth_call", [{ to: pair, data: call(uniswapV2PairAbi, functionName, []) }, "latest"])).slice(-40)}` as Address;
  const routes = await Promise.all(
    [
      { pair: addresses.uniswapV2.pairs.WETH_USDC, fee: 3000 },
      { pair: addresses.uniswapV2.pairs.DAI_USDC, fee: 100 },
      { pair: addresses.uniswapV2.pairs.WBTC_WETH, fee: 3000 },
    ].map(async (route) => ({
      ...route,
      token0: await read(route.pair, "token0"),
      token1: await read(route.pair, "token1"),
    })),
  );
  const users = Array.from({ length: plan.users }, (_, i) => syntheticAddress(i));
  for (const user of users) {
    await rpc(rpcUrl, "anvil_impersonateAccount", [user]);
    await rpc(rpcUrl, "anvil_setBalance", [user, numberToHex(10n ** 20n)]);
  }
  await rpc(rpcUrl, "anvil_impersonateAccount", [lpHolder]);
  await rpc(rpcUrl, "evm_setAutomine", [false]);
  try {
    const shares = await Promise.all(routes.map(({ pair }) => lpShare(rpcUrl, pair, lpHolder, plan.users)));
    const setup: Tx[] = users.flatMap((user, i) => {
      const route = routes[i % routes.length];
      const share = shares[i % routes.length];
      if (!route || share === undefined) throw new Error("no route");
      return [
        { from: lpHolder, to: route.pair, data: call(erc20Abi, "transfer", [user, share]), gas: TRANSFER_GAS },
        { from: user, to: route.pair, data: call(erc20Abi, "approve", [migrator, maxUint256]), gas: TRANSFER_GAS },
      ];
    });
    await sendAndMine(rpcUrl, setup, plan.perBlock);

    const migrations: Tx[] = [];
    for (let round = 0; round < plan.migrationsPerUser; round++) {
      users.forEach((user, i) => {
        const route = routes[i % routes.length];
        if (!route) throw new Error("no route");
        migrations.push({
          from: user,
          to: migrator,
          data: call(migratorAbi, "migrate", v2ToV3Args(route.token0, route.token1, route.fee, 200, 2n ** 40n)),
          gas: MIGRATION_GAS,
        });
      });
    }
    const firstBlock = Number(await rpc<Hex>(rpcUrl, "eth_blockNumber", [])) + 1;
    const lastMigration = await sendAndMine(rpcUrl, migrations, plan.perBlock);
    const positions = await migratedPositions(rpcUrl, migrator, firstBlock, lastMigration);
    const decreases: Tx[] = positions.map(({ user, positionManager, tokenId, liquidity }) => ({
      from: user,
      to: positionManager,
      data: call(nonfungiblePositionManagerAbi, "decreaseLiquidity", [
        { tokenId, liquidity: liquidity / 2n, amount0Min: 0n, amount1Min: 0n, deadline: maxUint256 },
      ]),
      gas: DECREASE_GAS,
    }));
    return await sendAndMine(rpcUrl, decreases, plan.perBlock);
  } finally {
    await rpc(rpcUrl, "evm_setAutomine", [true]);
  }
}

/** The positions the Migrator's `Migrated` events between two blocks name, with their owner and liquidity. */
async function migratedPositions(rpcUrl: string, migrator: Address, fromBlock: number, toBlock: number) {
  const logs = await rpc<RpcLog[]>(rpcUrl, "eth_getLogs", [
    { address: migrator, fromBlock: numberToHex(fromBlock), toBlock: numberToHex(toBlock) },
  ]);
  return parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: logs.map((log) => formatLog(log)) }).map(
    ({ args }) => ({
      user: args.user,
      positionManager: args.migration.positionManager,
      tokenId: args.migration.tokenId,
      liquidity: args.migration.liquidity,
    }),
  );
}

/** Deterministic, distinct, key-less addresses. */
const syntheticAddress = (i: number): Address => `0x${(0xfe77000000n + BigInt(i)).toString(16).padStart(40, "0")}`;

async function lpShare(rpcUrl: string, pair: Address, holder: Address, users: number): Promise<bigint> {
  const data = call(erc20Abi, "balanceOf", [holder]);
  const balance = BigInt(await rpc<Hex>(rpcUrl, "eth_call", [{ to: pair, data }, "latest"]));
  // Keep some LP for the holder; split the rest between the users that migrate from this pair.
  return balance / BigInt(users + 3);
}

// biome-ignore lint/suspicious/noExplicitAny: encodeFunctionData's generics cannot follow a runtime function name.
const call = (abi: any, functionName: string, args: readonly unknown[]): Hex =>
  encodeFunctionData({ abi, functionName, args });

/** Sends in JSON-RPC batches with explicit nonces, mines `perBlock` per block, checks every receipt's status. */
async function sendAndMine(rpcUrl: string, txs: Tx[], perBlock: number): Promise<number> {
  const senders = [...new Set(txs.map((tx) => tx.from))];
  const counts = await batch<Hex>(
    rpcUrl,
    senders.map((from) => ["eth_getTransactionCount", [from, "latest"]]),
  );
  const nonces = new Map(senders.map((from, i) => [from, Number(counts[i])]));
  let lastBlock = 0;
  for (let start = 0; start < txs.length; start += perBlock) {
    const block = txs.slice(start, start + perBlock);
    const hashes: Hex[] = [];
    for (let i = 0; i < block.length; i += RPC_BATCH) {
      const requests = block.slice(i, i + RPC_BATCH).map((tx) => {
        const nonce = nonces.get(tx.from) ?? 0;
        nonces.set(tx.from, nonce + 1);
        return { tx, nonce };
      });
      hashes.push(...(await sendBatch(rpcUrl, requests)));
    }
    // A full block leaves the rest pending: mine until every transaction has a receipt.
    let receipts: ({ status: Hex; blockNumber: Hex } | null)[] = [];
    do {
      await rpc(rpcUrl, "evm_mine", []);
      receipts = await batch(
        rpcUrl,
        hashes.map((hash) => ["eth_getTransactionReceipt", [hash]]),
      );
    } while (receipts.some((receipt) => receipt === null));
    const failed = receipts.findIndex((receipt) => receipt?.status !== "0x1");
    if (failed >= 0) {
      const tx = block[failed];
      const reason = await rpc(rpcUrl, "eth_call", [{ from: tx?.from, to: tx?.to, data: tx?.data }, "latest"]).catch(
        (error: Error) => error.message,
      );
      throw new Error(`transaction ${hashes[failed]} (${failed} of the block) failed or was not mined: ${reason}`);
    }
    lastBlock = Math.max(...receipts.map((receipt) => Number(receipt?.blockNumber)));
  }
  return lastBlock;
}

async function sendBatch(rpcUrl: string, requests: { tx: Tx; nonce: number }[]): Promise<Hex[]> {
  return batch<Hex>(
    rpcUrl,
    requests.map(({ tx, nonce }) => [
      "eth_sendTransaction",
      [{ from: tx.from, to: tx.to, data: tx.data, gas: numberToHex(tx.gas), nonce: numberToHex(nonce) }],
    ]),
  );
}

async function batch<T>(rpcUrl: string, calls: [string, unknown[]][]): Promise<T[]> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map(([method, params], id) => ({ jsonrpc: "2.0", id, method, params }))),
  });
  const answers = (await response.json()) as { id: number; result?: T; error?: { message: string } }[];
  return answers
    .sort((a, b) => a.id - b.id)
    .map((answer) => {
      if (answer.error) throw new Error(answer.error.message);
      return answer.result as T;
    });
}
