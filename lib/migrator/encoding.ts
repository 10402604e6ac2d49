import {
  type Address,
  type ContractFunctionArgs,
  encodeAbiParameters,
  encodeFunctionData,
  getAbiItem,
  type Hex,
  parseSignature,
} from "viem";
import { iRouteParamsAbi, migratorAbi } from "../generated/abis";

/** Route ids, in the order of `IMigrator.Route`. */
export const Route = { UniswapV2ToV3: 0, AaveV2ToV3: 1 } as const;

export type UniswapV2ToV3Params = ContractFunctionArgs<typeof iRouteParamsAbi, "nonpayable", "uniswapV2ToV3">[0];

export type AaveV2ToV3Params = ContractFunctionArgs<typeof iRouteParamsAbi, "nonpayable", "aaveV2ToV3">[0];

export type PermitSignature = UniswapV2ToV3Params["permit"];

/** "No permit": the user approved the Migrator beforehand (smart-contract wallets, or a simulation). */
export const NO_PERMIT: PermitSignature = {
  value: 0n,
  deadline: 0n,
  v: 0,
  r: "0x0000000000000000000000000000000000000000000000000000000000000000",
  s: "0x0000000000000000000000000000000000000000000000000000000000000000",
};

export interface MigratorPosition {
  route: number;
  params: Hex;
}

/** One V2 → V3 position, encoded with the struct definition the contract decodes (from its ABI). */
export function uniswapV2ToV3Position(params: UniswapV2ToV3Params): MigratorPosition {
  const { inputs } = getAbiItem({ abi: iRouteParamsAbi, name: "uniswapV2ToV3" });
  return { route: Route.UniswapV2ToV3, params: encodeAbiParameters(inputs, [params]) };
}

/** One Aave V2 → V3 lending position, encoded the same way. */
export function aaveV2ToV3Position(params: AaveV2ToV3Params): MigratorPosition {
  const { inputs } = getAbiItem({ abi: iRouteParamsAbi, name: "aaveV2ToV3" });
  return { route: Route.AaveV2ToV3, params: encodeAbiParameters(inputs, [params]) };
}

/** Calldata of `migrate(positions, deadline, unwrapWeth)`. */
export function migrateCall(migrator: Address, positions: MigratorPosition[], deadline: bigint, unwrapWeth: boolean) {
  return {
    to: migrator,
    data: encodeFunctionData({ abi: migratorAbi, functionName: "migrate", args: [positions, deadline, unwrapWeth] }),
  };
}

/** The (v, r, s) of a permit signature, as the contract passes them to `permit`. */
export function toPermitSignature(signature: Hex, value: bigint, deadline: bigint): PermitSignature {
  const { r, s, v, yParity } = parseSignature(signature);
  return { value, deadline, v: Number(v ?? BigInt(yParity + 27)), r, s };
}
