import { getAddress, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { approvalCall, delegationCall, positionApprovalCall } from "../signing/authorizations";
import { authorizationsByKey, batchSimulation, signaturesStillValid, transactionOnlyApprovals } from "./batch";
import { type Approval, delegationKey, type Leg, nftKey, permitKey } from "./types";

const address = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const [MIGRATOR, LP_A, LP_B, A_WETH, DEBT_USDC] = [address(1), address(2), address(3), address(4), address(5)];

/** A leg as the signer sees it: only its approvals matter here. */
const leg = (approvals: Leg["approvals"]) => ({ approvals }) as Leg;
const lpLeg = (pair: `0x${string}`, amount: bigint) =>
  leg([{ key: permitKey(pair), call: approvalCall(pair, MIGRATOR, amount) }]);
const aaveLeg = (supply: bigint, debt: bigint) =>
  leg([
    { key: permitKey(A_WETH), call: approvalCall(A_WETH, MIGRATOR, supply) },
    { key: delegationKey(DEBT_USDC), call: delegationCall(DEBT_USDC, MIGRATOR, debt) },
  ]);
const SIGNED: Hex = "0x01";

describe("signaturesStillValid", () => {
  const before = [lpLeg(LP_A, 100n), lpLeg(LP_B, 50n), aaveLeg(10n, 3n)];
  const signatures = {
    [permitKey(LP_A)]: SIGNED,
    [permitKey(LP_B)]: SIGNED,
    [permitKey(A_WETH)]: SIGNED,
    [delegationKey(DEBT_USDC)]: SIGNED,
  };
  const keep = (after: Leg[]) =>
    Object.keys(signaturesStillValid(signatures, authorizationsByKey(before), authorizationsByKey(after)));

  it("keeps every signature while nothing that is signed changes", () => {
    expect(keep(before)).toEqual(Object.keys(signatures));
  });

  it("drops exactly the signature of the leg whose amount changed", () => {
    expect(keep([lpLeg(LP_A, 120n), lpLeg(LP_B, 50n), aaveLeg(10n, 3n)])).toEqual([
      permitKey(LP_B),
      permitKey(A_WETH),
      delegationKey(DEBT_USDC),
    ]);
  });

  it("drops only the delegation when only the debt changed, and the signatures of a leg taken out", () => {
    expect(keep([lpLeg(LP_A, 100n), aaveLeg(10n, 4n)])).toEqual([permitKey(LP_A), permitKey(A_WETH)]);
  });
});

describe("an approval no signature stands in for (a V4 position added to)", () => {
  const V4_POSITION_MANAGER = address(6);
  const v4Approval = {
    key: nftKey(V4_POSITION_MANAGER, 42n),
    call: positionApprovalCall(V4_POSITION_MANAGER, MIGRATOR, 42n),
    transactionOnly: { label: "Approval of V4 position #42", lines: ["approve"] },
  };
  /** A leg that encodes the keys of the signatures it is given, to see which ones a batch passes it. */
  const encodingLeg = (approvals: Leg["approvals"]) =>
    ({
      approvals,
      encode: (signatures) => ({ route: 0, params: [...signatures.keys()].join(",") as Hex }),
    }) as Leg;
  const legs = [encodingLeg([lpLeg(LP_A, 100n).approvals[0] as Approval, v4Approval]), lpLeg(LP_B, 50n)];

  it("is sent before a signed batch, alone", () => {
    expect(transactionOnlyApprovals(legs)).toEqual([v4Approval]);
    expect(transactionOnlyApprovals([lpLeg(LP_A, 1n)])).toEqual([]);
  });

  it("is simulated as a transaction, never as a placeholder signature", () => {
    const signed = batchSimulation([legs[0] as Leg], { signing: true });
    expect(signed.authorizations.map(({ to }) => to)).toEqual([LP_A, V4_POSITION_MANAGER]);
    expect(signed.positions[0]?.params).toBe(permitKey(LP_A));
    expect(signed.unreachedSignatures).toBe(1);
    expect(batchSimulation([legs[0] as Leg], { signing: false }).unreachedSignatures).toBe(0);
  });
});
