import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  encodeDeployData,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from "viem";
import { foundry } from "viem/chains";
import { minedReceipt } from "../anvil";
import { gasWithHeadroom } from "../gasHeadroom";
import { type Artifact, linkBytecode, loadAbi, loadArtifact } from "./artifacts";

export interface Contract {
  address: Address;
  abi: Abi;
}

/**
 * Sends transactions from anvil's unlocked dev accounts and waits for each receipt.
 * Anvil automines and rejects reverting calls at gas estimation, so a revert surfaces with its reason.
 */
export class Chain {
  readonly public: PublicClient;
  readonly wallet: WalletClient;

  constructor(readonly rpcUrl: string) {
    const transport = http(rpcUrl, { timeout: 60_000 });
    this.public = createPublicClient({ chain: foundry, transport, pollingInterval: 10 });
    this.wallet = createWalletClient({ chain: foundry, transport, pollingInterval: 10 });
  }

  /** Deploys an artifact shipped in a package (`packagePath` under node_modules), linking libraries by name. */
  async deploy(
    from: Address,
    packagePath: string,
    args: readonly unknown[] = [],
    libraries?: Record<string, Address>,
  ): Promise<Contract> {
    const artifact: Artifact = loadArtifact(packagePath);
    const data = encodeDeployData({ abi: artifact.abi, bytecode: linkBytecode(artifact, libraries), args });
    const receipt = await this.sendRaw(from, { data }, `deploy ${packagePath}`);
    if (!receipt.contractAddress) throw new Error(`deploying ${packagePath} created no contract`);
    return { address: getAddress(receipt.contractAddress), abi: artifact.abi };
  }

  async write(
    from: Address,
    contract: Contract,
    functionName: string,
    args: readonly unknown[] = [],
    value?: bigint,
  ): Promise<TransactionReceipt> {
    const data = encodeFunctionData({ abi: contract.abi, functionName, args });
    return this.sendRaw(from, { to: contract.address, data, value }, `${functionName} on ${contract.address}`);
  }

  read<T>(contract: Contract, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return this.public.readContract({ ...contract, functionName, args }) as Promise<T>;
  }

  private async sendRaw(
    from: Address,
    tx: { to?: Address; data: Hex; value?: bigint },
    what: string,
  ): Promise<TransactionReceipt> {
    const gas = gasWithHeadroom(await this.public.estimateGas({ account: from, ...tx }));
    const hash = await this.wallet.sendTransaction({ account: from, chain: foundry, gas, ...tx });
    const receipt = await minedReceipt(this.public, hash);
    if (receipt.status !== "success") throw new Error(`${what} reverted (${hash}, gas used ${receipt.gasUsed})`);
    return receipt;
  }
}

/** A handle on an already deployed contract, using the ABI of a packaged artifact. */
export function at(address: Address, packagePath: string): Contract {
  return { address, abi: loadAbi(packagePath) };
}
