import { iUniswapV2ToV3RouteParamsAbi } from "../../generated/abis";
import { type RouteParams, routePosition } from "../../migrator/encoding";

/** `IUniswapV2ToV3Route.UniswapV2ToV3Params`, typed from the contract's ABI. */
export type UniswapV2ToV3Params = RouteParams<typeof iUniswapV2ToV3RouteParamsAbi>;

/** One V2 → V3 position, encoded as `Migrator.migrate` takes it. */
export const uniswapV2ToV3Position = (params: UniswapV2ToV3Params) =>
  routePosition("UniswapV2ToV3", iUniswapV2ToV3RouteParamsAbi, params);
