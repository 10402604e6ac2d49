import type { PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningChain } from "../../../devnet/world";
import { startWorldClient } from "../../../devnet/worldClient";
import { addressesFor } from "../../chain/addresses";
import { nonfungiblePositionManagerAbi } from "../../generated/abis";
import { readV3SourcePositions, sourcePositionName, type V3SourcePosition } from "./sourcePositions";

// The demo accounts' V3 positions as the migrate page lists them, checked against what the position manager pays.
let world: RunningChain;
let client: PublicClient;
const addresses = addressesFor(31337);
const { alice, bob } = addresses.accounts;
const ids = addresses.uniswapV3.positions;

beforeAll(async () => {
  ({ world, client } = await startWorldClient());
}, 120_000);

afterAll(() => world?.stop());

/** What removing the whole position pays, simulated as its owner: the principal the list must show. */
async function principalPaid(position: V3SourcePosition, owner: `0x${string}`) {
  const { result } = await client.simulateContract({
    account: owner,
    address: addresses.uniswapV3.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "decreaseLiquidity",
    args: [
      { tokenId: position.tokenId, liquidity: position.liquidity, amount0Min: 0n, amount1Min: 0n, deadline: 2n ** 40n },
    ],
  });
  return result;
}

describe("readV3SourcePositions on the world", () => {
  it("lists alice's in-range position with its uncollected fees and the principal the position manager pays", async () => {
    const [position, ...more] = await readV3SourcePositions(client, addresses, alice);
    expect(more).toEqual([]);
    if (!position) throw new Error("alice holds a V3 position");
    expect(position.tokenId).toBe(BigInt(ids.alice_WETH_USDC_500));
    expect(position.pool).toBe(addresses.uniswapV3.pools.WETH_USDC_500);
    expect(sourcePositionName(position)).toBe("WETH/USDC 0.05%");
    expect(position.inRange).toBe(true);
    expect(position.fees0 > 0n && position.fees1 > 0n, "the round trip through her pool earned both tokens").toBe(true);
    expect(await principalPaid(position, alice)).toEqual([position.amount0, position.amount1]);
  });

  it("lists bob's out-of-range position holding one token only, and his DAI/USDC position", async () => {
    const positions = await readV3SourcePositions(client, addresses, bob);
    expect(positions.map(({ tokenId }) => tokenId)).toEqual([
      BigInt(ids.bob_WETH_USDC_3000),
      BigInt(ids.bob_DAI_USDC_100),
    ]);
    const [outOfRange, stable] = positions as [V3SourcePosition, V3SourcePosition];
    expect(outOfRange.inRange).toBe(false);
    expect([outOfRange.amount0, outOfRange.amount1].filter((amount) => amount === 0n)).toHaveLength(1);
    expect(await principalPaid(outOfRange, bob)).toEqual([outOfRange.amount0, outOfRange.amount1]);
    expect(sourcePositionName(stable)).toBe("DAI/USDC 0.01%");
    expect(stable.token0.decimals).toBe(18);
    expect(stable.token1.decimals).toBe(6);
  });

  it("finds nothing for an account without V3 positions", async () => {
    expect(await readV3SourcePositions(client, addresses, addresses.accounts.carol)).toEqual([]);
  });
});
