import type { RouteName } from "@/lib/routes/routeIds";
import { useAaveV2ToV3Settings } from "./AaveV2ToV3Settings";
import type { UseRouteSettings } from "./types";
import { useUniswapV2Settings } from "./UniswapV2Settings";
import { useUniswapV3ToV4Settings } from "./UniswapV3ToV4Settings";

/**
 * Each route's settings, in the order the page shows them (the Migrator runs legs in enum order whatever this is).
 * Typed by the contract's enum: a route without settings fails `tsc`. A source that offers several destinations plans
 * them in one hook, listed under each of its routes (V2 LP → V3 or V4); the flow runs each hook once.
 */
export const ROUTE_SETTINGS: { [Name in RouteName]: UseRouteSettings } = {
  AaveV2ToV3: useAaveV2ToV3Settings,
  UniswapV2ToV3: useUniswapV2Settings,
  UniswapV2ToV4: useUniswapV2Settings,
  UniswapV3ToV4: useUniswapV3ToV4Settings,
};

/** The settings hooks in page order, each once. */
export const SETTINGS_HOOKS: readonly UseRouteSettings[] = [...new Set(Object.values(ROUTE_SETTINGS))];
