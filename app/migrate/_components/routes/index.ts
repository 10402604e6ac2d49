import type { RouteName } from "@/lib/routes/routeIds";
import { useAaveV2ToV3Settings } from "./AaveV2ToV3Settings";
import type { UseRouteSettings } from "./types";
import { useUniswapV2ToV3Settings } from "./UniswapV2ToV3Settings";
import { useUniswapV3ToV4Settings } from "./UniswapV3ToV4Settings";

/**
 * Each route's settings, in the order the page shows them (the Migrator runs legs in enum order whatever this is).
 * Typed by the contract's enum: a route without settings fails `tsc`.
 */
export const ROUTE_SETTINGS: { [Name in RouteName]: UseRouteSettings } = {
  AaveV2ToV3: useAaveV2ToV3Settings,
  UniswapV2ToV3: useUniswapV2ToV3Settings,
  UniswapV3ToV4: useUniswapV3ToV4Settings,
};
