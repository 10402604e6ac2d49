import { describe, expect, it } from "vitest";
import { linkBytecode, loadAbi, loadArtifact } from "./artifacts";
import { accounts } from "./config";

const DESCRIPTOR =
  "@uniswap/v3-periphery/artifacts/contracts/NonfungibleTokenPositionDescriptor.sol/NonfungibleTokenPositionDescriptor.json";
/** Any address will do: a dev account's. */
const LIBRARY = accounts.alice.toLowerCase();

describe("loadArtifact", () => {
  it("reads waffle, hardhat and foundry artifacts into one shape", () => {
    for (const path of [
      "@uniswap/v2-core/build/UniswapV2Factory.json",
      "@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json",
      "@uniswap/v4-core/out/PoolManager.sol/PoolManager.json",
    ]) {
      const artifact = loadArtifact(path);
      expect(artifact.bytecode, path).toMatch(/^0x[0-9a-f]{1000,}$/);
      expect(
        artifact.abi.some((item) => item.type === "constructor"),
        path,
      ).toBe(true);
    }
  });

  it("reads a bare ABI file", () => {
    const abi = loadAbi("@uniswap/permit2-sdk/dist/cjs/abis/Permit2.json");
    expect(abi.some((item) => item.type === "function" && item.name === "permitTransferFrom")).toBe(true);
  });
});

describe("linkBytecode", () => {
  it("writes the library address at every placeholder", () => {
    const artifact = loadArtifact(DESCRIPTOR);
    const linked = linkBytecode(artifact, { NFTDescriptor: accounts.alice });
    const offsets = Object.values(artifact.linkReferences).flatMap((byName) => byName.NFTDescriptor ?? []);
    expect(offsets.length).toBeGreaterThan(0);
    for (const { start } of offsets) expect(`0x${linked.slice(2 + start * 2, 2 + (start + 20) * 2)}`).toBe(LIBRARY);
    expect(linked.length).toBe(artifact.bytecode.length);
  });

  it("refuses to deploy with a library missing", () => {
    expect(() => linkBytecode(loadArtifact(DESCRIPTOR))).toThrow("bytecode needs library NFTDescriptor");
  });
});
