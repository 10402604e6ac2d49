import { migratorRouteNames } from "../generated/abis";

/** A member of the Solidity `IMigrator.Route` enum, by name (generated from the contract's AST). */
export type RouteName = (typeof migratorRouteNames)[number];

/** The enum value the contract takes for a route. */
export const routeId = (name: RouteName): number => migratorRouteNames.indexOf(name);

/** The route an event's `uint8` names, or undefined for a value this build does not know. */
export const routeNameOf = (id: number): RouteName | undefined => migratorRouteNames[id];
