import { iUniswapV2ToV4RouteParamsAbi } from "../../generated/abis";
import { type RouteParams, routePosition } from "../../migrator/encoding";

/** `IUniswapV2ToV4Route.UniswapV2ToV4Params`, typed from the contract's ABI. */
export type UniswapV2ToV4Params = RouteParams<typeof iUniswapV2ToV4RouteParamsAbi>;

/** One V2 → V4 position, encoded as `Migrator.migrate` takes it. */
export const uniswapV2ToV4Position = (params: UniswapV2ToV4Params) =>
  routePosition("UniswapV2ToV4", iUniswapV2ToV4RouteParamsAbi, params);
