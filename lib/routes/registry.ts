import { aaveV2ToV3Route } from "./aaveV2ToV3/route";
import type { MigrationEvent } from "./events";
import { type RouteName, routeNameOf } from "./routeIds";
import type { EventDescription, LegSummary, RouteDescriptor } from "./types";
import { uniswapV2ToV3Route } from "./uniswapV2ToV3/route";
import { uniswapV2ToV4Route } from "./uniswapV2ToV4/route";
import { uniswapV3ToV4Route } from "./uniswapV3ToV4/route";

/**
 * Every route of `IMigrator.Route` by name, as people see it: its label and how its event reads. Typed by the
 * generated enum names: a route the contract has and the app does not fails `tsc` here. Descriptors only (no planning
 * code, no Uniswap SDK), so the dashboard and the indexer can import it; each route's adapter spreads its descriptor
 * and is reached through the migrate page's settings registry.
 */
export const ROUTES = {
  UniswapV2ToV3: uniswapV2ToV3Route,
  AaveV2ToV3: aaveV2ToV3Route,
  UniswapV3ToV4: uniswapV3ToV4Route,
  UniswapV2ToV4: uniswapV2ToV4Route,
} satisfies { [Name in RouteName]: RouteDescriptor<Name> };

/** The route's name for people ("Uniswap V2 → V3"); a name this build does not know is shown as it is. */
export function routeLabel(name: string): string {
  return name in ROUTES ? ROUTES[name as RouteName].label : name;
}

/** A receipt line for an event, by the route it reports; `legs` are the legs the transaction sent. */
export function describeEvent(
  event: MigrationEvent,
  legs: readonly (LegSummary & { route: RouteName })[],
): EventDescription {
  const name = routeNameOf(event.route);
  if (!name) return { title: `A migration by route ${event.route}, which this version of Ferry does not know` };
  const leg = legs.find(
    (sent) =>
      sent.route === name &&
      sent.source.toLowerCase() === event.source.toLowerCase() &&
      (sent.sourceId === undefined || (event.kind === "Migrated" && event.migration.sourceId === sent.sourceId)),
  );
  return ROUTES[name].describe(event, leg);
}
