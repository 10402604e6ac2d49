import type { PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { expiresSoon, PERMIT_LIFETIME_SECONDS, RESIGN_WHEN_SECONDS_LEFT, signingDeadline } from "./requests";

/** A node whose latest block has this timestamp: all signingDeadline reads of it. */
const chainAt = (timestamp: bigint) => ({ getBlock: async () => ({ timestamp }) }) as unknown as PublicClient;

const CLOCK = 1_800_000_000n;

describe("signingDeadline", () => {
  it("counts from the wall clock when an idle chain's latest block is far behind it", async () => {
    expect(await signingDeadline(chainAt(CLOCK - 7_200n), CLOCK)).toBe(CLOCK + PERMIT_LIFETIME_SECONDS);
  });

  it("counts from the chain when it runs ahead of the clock", async () => {
    expect(await signingDeadline(chainAt(CLOCK + 7_200n), CLOCK)).toBe(CLOCK + 7_200n + PERMIT_LIFETIME_SECONDS);
  });
});

describe("expiresSoon", () => {
  it("asks again for expired signatures and those about to expire, not for fresh ones", () => {
    expect(expiresSoon(CLOCK - 1n, CLOCK)).toBe(true);
    expect(expiresSoon(CLOCK + RESIGN_WHEN_SECONDS_LEFT - 1n, CLOCK)).toBe(true);
    expect(expiresSoon(CLOCK + RESIGN_WHEN_SECONDS_LEFT, CLOCK)).toBe(false);
    expect(expiresSoon(CLOCK + PERMIT_LIFETIME_SECONDS, CLOCK)).toBe(false);
  });
});
