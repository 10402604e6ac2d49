import { iUniswapV3ToV4RouteParamsAbi } from "../../generated/abis";
import { type RouteParams, routePosition } from "../../migrator/encoding";

/** `IUniswapV3ToV4Route.UniswapV3ToV4Params`, typed from the contract's ABI. */
export type UniswapV3ToV4Params = RouteParams<typeof iUniswapV3ToV4RouteParamsAbi>;

/** One V3 → V4 position, encoded as `Migrator.migrate` takes it. */
export const uniswapV3ToV4Position = (params: UniswapV3ToV4Params) =>
  routePosition("UniswapV3ToV4", iUniswapV3ToV4RouteParamsAbi, params);
