import type { RouteDescriptor } from "../types";

/** How people see the route: its name and its `LendingMigrated` event in the receipt (light to import). */
export const aaveV2ToV3Route: RouteDescriptor<"AaveV2ToV3"> = {
  route: "AaveV2ToV3",
  label: "Aave V2 → V3",
  describe: (event) => ({
    title:
      event.kind === "LendingMigrated"
        ? "Your Aave V2 position moved to Aave V3 in the same transaction."
        : `${event.source}: an unexpected liquidity migration`,
  }),
};
