import { depositedAndRefunded } from "../liquidityReceipt";
import type { RouteDescriptor } from "../types";

/** How people see the route: its name and its `Migrated` event in the receipt (no planning code: light to import). */
export const uniswapV2ToV3Route: RouteDescriptor<"UniswapV2ToV3"> = {
  route: "UniswapV2ToV3",
  label: "Uniswap V2 → V3",
  describe: (event, leg) => {
    if (event.kind !== "Migrated") return { title: `${event.source}: an unexpected lending migration` };
    const { migration } = event;
    const added = leg?.addsTo === migration.tokenId;
    return {
      title: `${leg?.name ?? event.source} → ${added ? "added to your " : ""}Uniswap V3 position #${migration.tokenId}`,
      link: {
        href: `/dashboard#position-uniswap-v3-${migration.tokenId}`,
        label: `See position #${migration.tokenId}`,
      },
      detail: depositedAndRefunded(migration, leg),
    };
  },
};
