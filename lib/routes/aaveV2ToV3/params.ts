import { iAaveV2ToV3RouteParamsAbi } from "../../generated/abis";
import { type RouteParams, routePosition } from "../../migrator/encoding";

/** `IAaveV2ToV3Route.AaveV2ToV3Params`, typed from the contract's ABI. */
export type AaveV2ToV3Params = RouteParams<typeof iAaveV2ToV3RouteParamsAbi>;

/** One Aave V2 → V3 lending position, encoded as `Migrator.migrate` takes it. */
export const aaveV2ToV3Position = (params: AaveV2ToV3Params) =>
  routePosition("AaveV2ToV3", iAaveV2ToV3RouteParamsAbi, params);
