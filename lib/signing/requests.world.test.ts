import { type PublicClient, parseSignature, parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_INDEX, devAccount } from "../../devnet/deploy/config";
import type { RunningChain } from "../../devnet/world";
import { startWorldClient } from "../../devnet/worldClient";
import { addressesFor } from "../chain/addresses";
import { aaveV2ATokenAbi, aaveV3VariableDebtTokenAbi, uniswapV2PairAbi } from "../generated/abis";
import { buildSignatureRequests, type SignatureGrant, signingDeadline } from "./requests";
import { delegationTypedData, permitTypedData } from "./typedData";

// The one signature builder against the real token contracts of the world: what it asks the user to sign is what
// the Uniswap V2 pair, the Aave V2 aToken and the Aave V3 debt token accept.
let world: RunningChain;
let client: PublicClient;
const addresses = addressesFor(31337);
const bob = devAccount(ACCOUNT_INDEX.bob);
const migrator = addresses.accounts.carol; // any spender: the signatures are only simulated, never used
const submitter = addresses.accounts.alice; // permits are submitted by whoever holds them

const grants: { permits: SignatureGrant[]; delegations: SignatureGrant[] } = {
  permits: [
    {
      contract: "uniswapV2Pair",
      address: addresses.uniswapV2.pairs.WETH_USDC,
      token: { symbol: "UNI-V2", decimals: 18 },
      label: "An LP token",
      value: parseUnits("1", 18),
    },
    {
      contract: "aaveV2AToken",
      address: addresses.aaveV2.reserves.WETH.aToken,
      token: { symbol: "aWETH", decimals: 18 },
      label: "aWETH",
      value: parseUnits("2", 18),
    },
  ],
  delegations: [
    {
      contract: "aaveV3VariableDebtToken",
      address: addresses.aaveV3.reserves.USDC.variableDebtToken,
      token: { symbol: "USDC", decimals: 6 },
      label: "USDC",
      value: parseUnits("3000", 6),
    },
  ],
};

beforeAll(async () => {
  ({ world, client } = await startWorldClient());
}, 120_000);

afterAll(() => world?.stop());

describe("buildSignatureRequests on the world", () => {
  it("builds permits and a delegation that the real tokens accept from bob's signatures", async () => {
    const deadline = signingDeadline(client);
    const requests = await buildSignatureRequests(client, world.chainId, bob.address, migrator, deadline, grants);
    const [lp, aToken] = requests.permits;
    const [debt] = requests.delegations;
    if (!lp || !aToken || !debt) throw new Error("expected two permits and one delegation");
    expect(lp.domain.name).toBe("Uniswap V2");
    expect(lp.message).toEqual({
      owner: bob.address,
      spender: migrator,
      value: parseUnits("1", 18),
      nonce: 0n,
      deadline: await deadline,
    });
    expect(debt.message.delegatee).toBe(migrator);

    const vrs = async (signature: Promise<`0x${string}`>) => {
      const { v, r, s } = parseSignature(await signature);
      return [Number(v), r, s] as const;
    };
    const permitArgs = async (request: typeof lp) =>
      [
        bob.address,
        migrator,
        request.message.value,
        request.message.deadline,
        ...(await vrs(bob.signTypedData(permitTypedData(request)))),
      ] as const;
    // Each call reverts on a signature the token does not recover to bob.
    await client.simulateContract({
      account: submitter,
      address: lp.domain.verifyingContract,
      abi: uniswapV2PairAbi,
      functionName: "permit",
      args: await permitArgs(lp),
    });
    await client.simulateContract({
      account: submitter,
      address: aToken.domain.verifyingContract,
      abi: aaveV2ATokenAbi,
      functionName: "permit",
      args: await permitArgs(aToken),
    });
    await client.simulateContract({
      account: submitter,
      address: debt.domain.verifyingContract,
      abi: aaveV3VariableDebtTokenAbi,
      functionName: "delegationWithSig",
      args: [
        bob.address,
        migrator,
        debt.message.value,
        debt.message.deadline,
        ...(await vrs(bob.signTypedData(delegationTypedData(debt)))),
      ],
    });
  });

  it("refuses to ask for a signature whose domain is for another chain", async () => {
    await expect(buildSignatureRequests(client, 1, bob.address, migrator, 0n, grants)).rejects.toThrow(
      "An LP token's signing domain does not match this chain; Ferry will not ask you to sign it.",
    );
  });

  it("signs a tampered request into a signature the token rejects", async () => {
    const { permits } = await buildSignatureRequests(client, world.chainId, bob.address, migrator, 10n ** 10n, grants);
    const lp = permits[0];
    if (!lp) throw new Error("expected the LP permit");
    const { v, r, s } = parseSignature(await bob.signTypedData(permitTypedData(lp)));
    const attempt = client.simulateContract({
      account: submitter,
      address: lp.domain.verifyingContract,
      abi: uniswapV2PairAbi,
      functionName: "permit",
      args: [bob.address, migrator, lp.message.value + 1n, lp.message.deadline, Number(v), r, s],
    });
    await expect(attempt).rejects.toThrow(/INVALID_SIGNATURE/);
  });
});
