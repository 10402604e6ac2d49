import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import solc from "solc";
import { getAddress, zeroAddress, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { migratorRouteNames } from "../generated/abis";
import { describeEvent, ROUTES, routeLabel } from "./registry";
import { type RouteName, routeId } from "./routeIds";
import { solidityEnumMembers } from "./solidityEnum";

const CONTRACTS = join(import.meta.dirname, "..", "..", "contracts");
const INTERFACE = "src/interfaces/IMigrator.sol";

/** The interface's AST from solc (analysis only, no code generation): the enum as the contract declares it. */
function interfaceAst() {
  const input = {
    language: "Solidity",
    sources: { [INTERFACE]: { content: readFileSync(join(CONTRACTS, INTERFACE), "utf8") } },
    settings: { outputSelection: { "*": { "": ["ast"] } } },
  };
  const resolve = (path: string) => {
    const file = [join(CONTRACTS, path), join(CONTRACTS, "..", "node_modules", path)].find(existsSync);
    return file ? { contents: readFileSync(file, "utf8") } : { error: `not found: ${path}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: resolve }));
  const errors = (output.errors ?? []).filter((error: { severity: string }) => error.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  return output.sources[INTERFACE];
}

describe("the route registry", () => {
  it("has an adapter for each member of IMigrator.Route, at the value the contract gives it", () => {
    const members = solidityEnumMembers(interfaceAst(), "IMigrator.Route");
    expect(migratorRouteNames, "generated names (npm run build:abis)").toEqual(members);
    expect(Object.keys(ROUTES).sort()).toEqual([...members].sort());
    for (const [value, name] of members.entries()) {
      expect(routeId(name as RouteName), name).toBe(value);
      expect(ROUTES[name as RouteName].route, name).toBe(name);
    }
  });

  it("names routes for people and shows a name it does not know as it is", () => {
    expect(routeLabel("UniswapV2ToV3")).toBe("Uniswap V2 → V3");
    expect(routeLabel("AaveV2ToV3")).toBe("Aave V2 → V3");
    expect(routeLabel("UniswapV3ToV4")).toBe("Uniswap V3 → V4");
    expect(routeLabel("UniswapV9ToV10")).toBe("UniswapV9ToV10");
  });

  it("describes an event through the route it reports, with the sent leg of the same source", () => {
    const pair = getAddress("0x00000000000000000000000000000000000000a1");
    const [weth, usdc] = [getAddress("0x00000000000000000000000000000000000000b1"), zeroAddress];
    const migration = {
      sourceId: 0n,
      sourceAmount: 1n,
      destination: zeroHash,
      positionManager: zeroAddress,
      tokenId: 7n,
      liquidity: 1n,
      token0: weth,
      token1: usdc,
      amount0Withdrawn: 0n,
      amount1Withdrawn: 0n,
      amount0Deposited: 1_500_000_000_000_000_000n,
      amount1Deposited: 3_000_000n,
      amount0Refunded: 0n,
      amount1Refunded: 20_000n,
      refundedAsEth: false,
    };
    const leg = {
      route: "UniswapV2ToV3" as const,
      key: "UniswapV2ToV3:pair",
      source: pair,
      name: "WETH / USDC",
      addsTo: 7n,
      tokens: [
        { address: weth, symbol: "WETH", decimals: 18 },
        { address: usdc, symbol: "USDC", decimals: 6 },
      ],
      valueUsd: () => 0,
    };
    const event = {
      kind: "Migrated" as const,
      user: zeroAddress,
      route: routeId("UniswapV2ToV3"),
      source: pair,
      migration,
    };
    expect(describeEvent(event, [leg])).toEqual({
      title: "WETH / USDC → added to your Uniswap V3 position #7",
      detail: "Deposited 1.5 WETH + 3 USDC; refunded 0 WETH + 0.02 USDC.",
      link: { href: "/dashboard#position-uniswap-v3-7", label: "See position #7" },
    });
    expect(describeEvent(event, []).title, "no sent leg: the source address").toBe(`${pair} → Uniswap V3 position #7`);
    expect(describeEvent({ ...event, route: 9 }, [leg]).title).toBe(
      "A migration by route 9, which this version of Ferry does not know",
    );
  });

  it("tells apart two V3 positions of one position manager by the token id the event reports", () => {
    const npm = getAddress("0x00000000000000000000000000000000000000c3");
    const usdc = getAddress("0x00000000000000000000000000000000000000c4");
    const v3Leg = (sourceId: bigint, name: string) => ({
      route: "UniswapV3ToV4" as const,
      key: `UniswapV3ToV4:${sourceId}`,
      source: npm,
      sourceId,
      name,
      tokens: [
        { address: zeroAddress, symbol: "ETH", decimals: 18 },
        { address: usdc, symbol: "USDC", decimals: 6 },
      ],
      valueUsd: () => 0,
    });
    const legs = [v3Leg(5n, "Position #5, WETH/USDC 0.05%"), v3Leg(6n, "Position #6, WETH/USDC 0.3%")];
    const event = {
      kind: "Migrated" as const,
      user: zeroAddress,
      route: routeId("UniswapV3ToV4"),
      source: npm,
      migration: {
        sourceId: 6n,
        sourceAmount: 1n,
        destination: zeroHash,
        positionManager: zeroAddress,
        tokenId: 12n,
        liquidity: 1n,
        token0: zeroAddress,
        token1: usdc,
        amount0Withdrawn: 0n,
        amount1Withdrawn: 0n,
        amount0Deposited: 10n ** 18n,
        amount1Deposited: 2_000_000_000n,
        amount0Refunded: 0n,
        amount1Refunded: 1n,
        refundedAsEth: true,
      },
    };
    expect(describeEvent(event, legs)).toEqual({
      title: "Position #6, WETH/USDC 0.3% → Uniswap V4 position #12",
      detail: "Deposited 1 ETH + 2,000 USDC; refunded 0 ETH + 0.000001 USDC (WETH as ETH).",
      link: { href: "/dashboard#position-uniswap-v4-12", label: "See V4 position #12" },
    });
  });
});
