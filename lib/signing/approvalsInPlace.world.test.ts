import { type Chain, type PublicClient, parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningChain } from "../../devnet/world";
import { startWorldClient, walletOf } from "../../devnet/worldClient";
import { addressesFor } from "../chain/addresses";
import { type Approval, delegationKey, nftKey, permitKey } from "../routes/types";
import { approvalsToSend } from "./approvalsInPlace";
import { approvalCall, delegationCall, positionApprovalCall } from "./authorizations";

// Which of a batch's approvals bob still has to send, read from the real LP token, Aave V3 debt token and V3 position
// manager: only those whose grant is not on chain (a retry after a failed migration sends nothing twice).
let world: RunningChain;
let chain: Chain;
let client: PublicClient;
const addresses = addressesFor(31337);
const { bob, carol: migrator } = addresses.accounts; // any spender: nothing is migrated
const pair = addresses.uniswapV2.pairs.WETH_USDC;
const debtToken = addresses.aaveV3.reserves.USDC.variableDebtToken;
const { positionManager } = addresses.uniswapV3;
const tokenId = BigInt(addresses.uniswapV3.positions.bob_WETH_USDC_3000);
const lpAmount = parseUnits("1", 18);

const lp: Approval = { key: permitKey(pair), call: approvalCall(pair, migrator, lpAmount) };
const delegation: Approval = {
  key: delegationKey(debtToken),
  call: delegationCall(debtToken, migrator, parseUnits("3000", 6)),
};
const position: Approval = {
  key: nftKey(positionManager, tokenId),
  call: positionApprovalCall(positionManager, migrator, tokenId),
};

beforeAll(async () => {
  ({ world, chain, client } = await startWorldClient());
}, 120_000);

afterAll(() => world?.stop());

async function send(approval: Approval) {
  const hash = await walletOf(chain, "bob").sendTransaction(approval.call);
  expect((await client.waitForTransactionReceipt({ hash })).status).toBe("success");
}

describe("approvalsToSend on the world", () => {
  it("leaves out the grants already on chain, and keeps an allowance smaller than the one asked", async () => {
    const batch = [lp, delegation, position];
    expect(await approvalsToSend(client, bob, migrator, batch)).toEqual(batch);

    await send({ key: lp.key, call: approvalCall(pair, migrator, lpAmount - 1n) });
    await send(delegation);
    await send(position);
    expect(await approvalsToSend(client, bob, migrator, batch), "one LP unit short").toEqual([lp]);

    await send(lp);
    expect(await approvalsToSend(client, bob, migrator, batch)).toEqual([]);
  });

  it("sends an approval whose grant cannot be read (a position that does not exist)", async () => {
    const missing: Approval = {
      key: nftKey(positionManager, 10n ** 9n),
      call: positionApprovalCall(positionManager, migrator, 10n ** 9n),
    };
    expect(await approvalsToSend(client, bob, migrator, [missing])).toEqual([missing]);
  });
});
