import { readFileSync } from "node:fs";
import type { Hex } from "viem";
import { MULTICALL3 } from "../../lib/chain/multicall3";
import { rpc } from "../anvil";
import { packageFile } from "./artifacts";

/**
 * Places Multicall3 at its canonical address, as mainnet has it, the way Permit2 is placed. viem ships its creation
 * code for deployless multicalls (`multicall3Bytecode`, not exported: read from the module's source like Permit2's
 * literal); it has no constructor state, so running it in an `eth_call` returns exactly the runtime code to set.
 */
export async function placeMulticall3(rpcUrl: string): Promise<void> {
  const runtime = await rpc<Hex>(rpcUrl, "eth_call", [{ data: multicall3CreationCode() }, "latest"]);
  await rpc(rpcUrl, "anvil_setCode", [MULTICALL3, runtime]);
}

function multicall3CreationCode(): Hex {
  const source = readFileSync(packageFile("viem/_esm/constants/contracts.js"), "utf8");
  const code = source.match(/multicall3Bytecode = '(0x[0-9a-f]+)'/)?.[1];
  if (!code) throw new Error("no multicall3Bytecode literal in viem's constants/contracts.js");
  return code as Hex;
}
