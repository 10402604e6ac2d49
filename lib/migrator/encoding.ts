import {
  type Abi,
  type AbiFunction,
  type AbiParameterToPrimitiveType,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  getAbiItem,
  type Hex,
  parseSignature,
} from "viem";
import { type iUniswapV2ToV3RouteParamsAbi, migratorAbi } from "../generated/abis";
import { type RouteName, routeId } from "../routes/routeIds";

/**
 * A route's params struct, typed from its carrier interface `I<Route>RouteParams`, whose one function
 * `encode(<Route>Params)` puts in the ABI the exact struct `IMigrator.Position.params` is decoded into.
 */
export type RouteParams<carrier extends Abi> = AbiParameterToPrimitiveType<
  Extract<carrier[number], { type: "function"; name: "encode" }>["inputs"][0]
>;

/** `IMigrator.PermitSignature`, as every route takes it (read here from the V2 → V3 route's params). */
export type PermitSignature = RouteParams<typeof iUniswapV2ToV3RouteParamsAbi>["permit"];

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

/** One position of a route, its params encoded with the struct definition the contract decodes (its carrier's ABI). */
export function routePosition<carrier extends Abi>(
  route: RouteName,
  carrier: carrier,
  params: RouteParams<carrier>,
): MigratorPosition {
  const { inputs } = getAbiItem({ abi: carrier as Abi, name: "encode" }) as AbiFunction;
  return { route: routeId(route), params: encodeAbiParameters(inputs, [params]) };
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
