import type { Page } from "@playwright/test";
import {
  type Chain,
  createWalletClient,
  type Hash,
  type Hex,
  http,
  type LocalAccount,
  publicActions,
  type TypedDataDefinition,
} from "viem";
import { withGasHeadroom } from "../../devnet/gasHeadroom";

/** What a real wallet answers when the user clicks "Reject" (EIP-1193). */
export const USER_REJECTED = { code: 4001, message: "User rejected the request." } as const;

interface RpcRequest {
  method: string;
  params?: unknown[];
}

declare global {
  interface Window {
    ferryTestWalletRequest(request: RpcRequest): Promise<unknown>;
    ferryTestWalletEmit(event: string, value: unknown): void;
  }
}

/**
 * An EIP-6963 wallet backed by a viem local account, driven through the real RainbowKit modal. Like a real
 * wallet it starts locked (no accounts until `eth_requestAccounts`), may start on another chain and emits
 * `chainChanged` when switched, signs `eth_signTypedData_v4`, and can reject the next request like a user
 * would. It records what it signed and sent.
 */
export class TestWallet {
  readonly sentTransactions: Hash[] = [];
  readonly signedTypedData: TypedDataDefinition[] = [];
  readonly signatures: Hex[] = [];
  private authorized = false;
  private chainId: number;
  private page: Page | undefined;
  private rejectNext: string | undefined;
  private readonly client;

  constructor(
    readonly account: LocalAccount,
    readonly chain: Chain,
  ) {
    this.chainId = chain.id;
    // Like a real wallet, it sends with headroom over the node's estimate (see `gasWithHeadroom`).
    this.client = createWalletClient({
      account,
      chain,
      transport: withGasHeadroom(http(chain.rpcUrls.default.http[0])),
    }).extend(publicActions);
  }

  /** The next request of this method (a signature, a transaction…) is rejected as if by the user. */
  rejectNextRequest(method: "eth_signTypedData_v4" | "eth_sendTransaction" | "eth_requestAccounts") {
    this.rejectNext = method;
  }

  /** The user picks another network in the wallet: the page is told through `chainChanged`. */
  async userSwitchesTo(chainId: number) {
    this.chainId = chainId;
    await this.page?.evaluate((id) => window.ferryTestWalletEmit("chainChanged", id), `0x${chainId.toString(16)}`);
  }

  /**
   * Replaces the last transaction the page sent, as a wallet's "speed up" (the same call) or "cancel" (0 ETH to
   * oneself) does: same nonce, twice the fees, so the pool takes it instead. Returns the replacement's hash.
   */
  async replaceLastTransaction(how: "speedUp" | "cancel"): Promise<Hash> {
    const hash = this.sentTransactions.at(-1);
    if (!hash) throw new Error("the wallet has sent no transaction to replace");
    const sent = await this.client.getTransaction({ hash });
    if (sent.maxFeePerGas === undefined || sent.maxPriorityFeePerGas === undefined) {
      throw new Error(`${hash} is not an EIP-1559 transaction`);
    }
    const replacement = {
      nonce: sent.nonce,
      maxFeePerGas: sent.maxFeePerGas * 2n,
      maxPriorityFeePerGas: sent.maxPriorityFeePerGas * 2n,
    };
    return how === "speedUp"
      ? this.client.sendTransaction({ ...replacement, to: sent.to, data: sent.input, value: sent.value, gas: sent.gas })
      : this.client.sendTransaction({ ...replacement, to: this.account.address, value: 0n });
  }

  /** Announces the wallet to the page (EIP-6963) on every navigation; requests run here, in Node. */
  async install(page: Page) {
    this.page = page;
    await page.exposeFunction("ferryTestWalletRequest", (request: RpcRequest) => this.request(request));
    await page.addInitScript(() => {
      const listeners = new Map<string, Set<(value: unknown) => void>>();
      const provider = {
        request: (request: RpcRequest) => window.ferryTestWalletRequest(request),
        on: (event: string, listener: (value: unknown) => void) => {
          listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
        },
        removeListener: (event: string, listener: (value: unknown) => void) => listeners.get(event)?.delete(listener),
      };
      window.ferryTestWalletEmit = (event, value) => {
        for (const listener of listeners.get(event) ?? []) listener(value);
      };
      const info = {
        uuid: "8f2a5c0e-ferry-test-wallet",
        name: "Test Wallet",
        icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24'><rect width='24' height='24' fill='%232f7cf6'/></svg>",
        rdns: "dev.ferry.test-wallet",
      };
      const announce = () =>
        window.dispatchEvent(
          new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }),
        );
      window.addEventListener("eip6963:requestProvider", announce);
      announce();
    });
  }

  private async request({ method, params = [] }: RpcRequest): Promise<unknown> {
    if (method === this.rejectNext) {
      this.rejectNext = undefined;
      // A plain object: an Error would lose `code` on its way through Playwright's exposeFunction.
      throw { ...USER_REJECTED };
    }
    switch (method) {
      case "eth_requestAccounts":
        this.authorized = true;
        return [this.account.address];
      case "eth_accounts":
        return this.authorized ? [this.account.address] : [];
      case "eth_chainId":
        return `0x${this.chainId.toString(16)}`;
      case "wallet_requestPermissions":
        this.authorized = true;
        return [{ parentCapability: "eth_accounts" }];
      case "wallet_revokePermissions":
        this.authorized = false;
        return null;
      case "wallet_switchEthereumChain": {
        const [{ chainId }] = params as [{ chainId: Hex }];
        if (Number(chainId) !== this.chain.id) throw { code: 4902, message: `Unrecognized chain ${chainId}` };
        this.chainId = this.chain.id;
        // Like a real wallet, tell the page after answering.
        setTimeout(() => this.page?.evaluate((id) => window.ferryTestWalletEmit("chainChanged", id), chainId), 0);
        return null;
      }
      case "eth_signTypedData_v4": {
        if (this.chainId !== this.chain.id) throw { code: 4001, message: "The test wallet is on another chain." };
        const typedData = JSON.parse((params as [string, string])[1]) as TypedDataDefinition;
        const { EIP712Domain: _, ...types } = typedData.types as Record<string, unknown>;
        const signature = await this.account.signTypedData({ ...typedData, types } as TypedDataDefinition);
        this.signedTypedData.push(typedData);
        this.signatures.push(signature);
        return signature;
      }
      case "personal_sign":
        return this.account.signMessage({ message: { raw: (params as [Hex])[0] } });
      case "eth_sendTransaction": {
        const [tx] = params as [{ to?: Hex; data?: Hex; value?: Hex; gas?: Hex }];
        const hash = await this.client.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        });
        this.sentTransactions.push(hash);
        return hash;
      }
      default:
        return this.client.request({ method, params } as never);
    }
  }
}
