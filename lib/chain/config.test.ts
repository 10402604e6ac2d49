import { describe, expect, it } from "vitest";
import { ChainConfigError, parseChainConfig, toViemChain } from "./config";

describe("parseChainConfig", () => {
  it("defaults to the local devnet", () => {
    expect(parseChainConfig({})).toEqual({
      chainId: 31337,
      chainName: "Ferry devnet",
      rpcUrl: "http://127.0.0.1:8545",
    });
  });

  it("reads chain id, RPC URL, name and the optional WalletConnect project id", () => {
    const config = parseChainConfig({
      FERRY_CHAIN_ID: "1",
      FERRY_RPC_URL: "https://rpc.example/v1",
      FERRY_CHAIN_NAME: "Ethereum fork",
      NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: "abc",
    });
    expect(config).toEqual({
      chainId: 1,
      chainName: "Ethereum fork",
      rpcUrl: "https://rpc.example/v1",
      walletConnectProjectId: "abc",
    });
  });

  it.each(["0", "-1", "1.5", "mainnet", "99999999999999999999"])("rejects chain id %s with a clear error", (id) => {
    expect(() => parseChainConfig({ FERRY_CHAIN_ID: id })).toThrow(ChainConfigError);
    expect(() => parseChainConfig({ FERRY_CHAIN_ID: id })).toThrow(/FERRY_CHAIN_ID must be a positive integer/);
  });

  it.each(["not a url", "ws://127.0.0.1:8545", "ftp://x"])("rejects RPC URL %s with a clear error", (url) => {
    expect(() => parseChainConfig({ FERRY_RPC_URL: url })).toThrow(/FERRY_RPC_URL must be an http\(s\) URL/);
  });
});

describe("toViemChain", () => {
  it("uses the configured RPC as the only endpoint", () => {
    const chain = toViemChain(parseChainConfig({ FERRY_CHAIN_ID: "10", FERRY_RPC_URL: "http://127.0.0.1:9000" }));
    expect(chain.id).toBe(10);
    expect(chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:9000"]);
  });
});
