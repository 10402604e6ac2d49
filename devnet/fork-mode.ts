import {
  type Address,
  createPublicClient,
  encodeAbiParameters,
  erc20Abi,
  type Hex,
  http,
  keccak256,
  parseEther,
  toHex,
} from "viem";
import { addressesFor, type ChainAddresses } from "../lib/chain/addresses";
import { MAINNET_ADDRESSES } from "../lib/chain/mainnet";
import { aaveV2AddressesProviderAbi, aaveV3AddressesProviderAbi } from "../lib/generated/abis";
import { rpc } from "./anvil";
import { accounts, TOKENS, type TokenSymbol, unitsForUsd } from "./deploy/config";
import { DEMO_ACCOUNTS, WALLET_USD } from "./deploy/demo-accounts";

/** Solidity mappings declared this early hold the balances of every token Ferry touches (WETH 3, USDC 9, DAI 2). */
const BALANCE_SLOTS_TO_PROBE = 20;
const DEMO_ETH = parseEther("100");

/**
 * Readies a fork for Ferry: checks the address book against the chain, then gives each demo account ETH and
 * every token of the book through anvil cheats (no holder needed). Returns the book's problems, if any.
 */
export async function prepareFork(rpcUrl: string, chainId: number): Promise<string[]> {
  const book = addressesFor(chainId);
  const problems = await checkAddressBook(rpcUrl, book);
  for (const name of DEMO_ACCOUNTS) {
    await rpc(rpcUrl, "anvil_setBalance", [accounts[name], toHex(DEMO_ETH)]);
    for (const symbol of Object.keys(TOKENS) as TokenSymbol[]) {
      await setTokenBalance(rpcUrl, book.tokens[symbol], accounts[name], unitsForUsd(symbol, WALLET_USD));
    }
  }
  return problems;
}

/**
 * Writes `holder`'s ERC-20 balance by finding the balances mapping's slot: tries Solidity's layout
 * (keccak(holder, slot)) for the first slots and keeps the write that `balanceOf` reflects.
 */
export async function setTokenBalance(rpcUrl: string, token: Address, holder: Address, amount: bigint) {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const value = toHex(amount, { size: 32 });
  for (let slot = 0n; slot < BigInt(BALANCE_SLOTS_TO_PROBE); slot++) {
    const key = keccak256(encodeAbiParameters([{ type: "address" }, { type: "uint256" }], [holder, slot]));
    const original = (await client.getStorageAt({ address: token, slot: key })) ?? toHex(0, { size: 32 });
    await setStorage(rpcUrl, token, key, value);
    const balance = await client.readContract({
      address: token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [holder],
    });
    if (balance === amount) return;
    await setStorage(rpcUrl, token, key, original);
  }
  throw new Error(`no balances mapping found in the first ${BALANCE_SLOTS_TO_PROBE} slots of ${token}`);
}

const setStorage = (rpcUrl: string, address: Address, slot: Hex, value: Hex) =>
  rpc(rpcUrl, "anvil_setStorageAt", [address, slot, value]);

/** Every book entry must hold code, and each Aave addresses provider must agree with the book's pool and oracle. */
export async function checkAddressBook(rpcUrl: string, book: ChainAddresses): Promise<string[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const problems: string[] = [];
  for (const [label, address] of contractEntries(book)) {
    const code = await client.getCode({ address });
    if (!code || code === "0x") problems.push(`${label} (${address}) has no code`);
  }
  // Each addresses provider read at once; an address that is not a provider (no code, wrong contract) reads as nothing.
  const reported = (read: Promise<Address>) => read.catch(() => undefined);
  const v2Provider = { address: book.aaveV2.addressesProvider, abi: aaveV2AddressesProviderAbi } as const;
  const v3Provider = { address: book.aaveV3.addressesProvider, abi: aaveV3AddressesProviderAbi } as const;
  const expectations: [string, Address, Promise<Address | undefined>][] = [
    ["aaveV2.pool", book.aaveV2.pool, reported(client.readContract({ ...v2Provider, functionName: "getLendingPool" }))],
    [
      "aaveV2.oracle",
      book.aaveV2.oracle,
      reported(client.readContract({ ...v2Provider, functionName: "getPriceOracle" })),
    ],
    ["aaveV3.pool", book.aaveV3.pool, reported(client.readContract({ ...v3Provider, functionName: "getPool" }))],
    [
      "aaveV3.oracle",
      book.aaveV3.oracle,
      reported(client.readContract({ ...v3Provider, functionName: "getPriceOracle" })),
    ],
    [
      "aaveV3.dataProvider",
      book.aaveV3.dataProvider,
      reported(client.readContract({ ...v3Provider, functionName: "getPoolDataProvider" })),
    ],
  ];
  for (const [label, expected, read] of expectations) {
    const actual = await read;
    if (actual?.toLowerCase() !== expected.toLowerCase()) {
      problems.push(`${label} is ${expected} in the book but the addresses provider reports ${actual ?? "nothing"}`);
    }
  }
  return problems;
}

/** The book's contract addresses, by the keys every chain shares (the mainnet book's shape); hashes skipped. */
function contractEntries(book: ChainAddresses): [string, Address][] {
  const sections = book as unknown as Record<string, Record<string, string | Record<string, string>>>;
  return Object.entries(MAINNET_ADDRESSES).flatMap(([section, shape]) =>
    Object.entries(shape).flatMap(([key, value]) => {
      const entry = sections[section]?.[key];
      const named = typeof value === "string" ? { [key]: entry } : (entry as Record<string, string>);
      return Object.entries(named)
        .filter((pair): pair is [string, Address] => pair[1]?.length === 42)
        .map(([name, address]) => [`${section}.${name}`, address] as [string, Address]);
    }),
  );
}
