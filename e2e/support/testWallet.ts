import { installMockWallet, type WalletRequest } from "@johanneskares/wallet-mock";
import type { Page } from "@playwright/test";
import {
  type Chain,
  createWalletClient,
  type Hash,
  type Hex,
  http,
  type LocalAccount,
  type TypedDataDefinition,
} from "viem";

/** What a real wallet answers when the user clicks "Reject" (EIP-1193). */
export const USER_REJECTED = { code: 4001, message: "User rejected the request." } as const;

interface RpcRequest {
  method: string;
  params?: unknown[];
}

/**
 * An EIP-6963 wallet backed by a viem local account, driven through the real RainbowKit modal.
 * Unlike the bare wallet-mock it starts locked (no accounts until `eth_requestAccounts`), signs
 * `eth_signTypedData_v4`, can reject the next request like a user would, and records what it sent.
 */
export class TestWallet {
  readonly sentTransactions: Hash[] = [];
  readonly signedTypedData: TypedDataDefinition[] = [];
  readonly signatures: Hex[] = [];
  private authorized = false;
  private rejectNext: string | undefined;
  private readonly client;

  constructor(
    readonly account: LocalAccount,
    readonly chain: Chain,
  ) {
    this.client = createWalletClient({ account, chain, transport: http(chain.rpcUrls.default.http[0]) });
  }

  /** The next request of this method (a signature, a transaction…) is rejected as if by the user. */
  rejectNextRequest(method: "eth_signTypedData_v4" | "eth_sendTransaction" | "eth_requestAccounts") {
    this.rejectNext = method;
  }

  async install(page: Page) {
    const request = (args: RpcRequest) => this.request(args) as ReturnType<WalletRequest>;
    await installMockWallet({ page, wallet: { request } });
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
        return `0x${this.chain.id.toString(16)}`;
      case "wallet_requestPermissions":
        this.authorized = true;
        return [{ parentCapability: "eth_accounts" }];
      case "wallet_revokePermissions":
        this.authorized = false;
        return null;
      case "wallet_switchEthereumChain": {
        const [{ chainId }] = params as [{ chainId: Hex }];
        if (Number(chainId) !== this.chain.id) throw { code: 4902, message: `Unrecognized chain ${chainId}` };
        return null;
      }
      case "eth_signTypedData_v4": {
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
