import { depositedAndRefunded } from "../liquidityReceipt";
import type { RouteDescriptor } from "../types";

/** How people see the route: its name and its `Migrated` event in the receipt (no planning code: light to import). */
export const uniswapV3ToV4Route: RouteDescriptor<"UniswapV3ToV4"> = {
  route: "UniswapV3ToV4",
  label: "Uniswap V3 → V4",
  describe: (event, leg) => {
    if (event.kind !== "Migrated") return { title: `${event.source}: an unexpected lending migration` };
    const { migration } = event;
    const added = leg?.addsTo === migration.tokenId;
    return {
      title: `${leg?.name ?? `V3 position #${migration.sourceId}`} → ${added ? "added to your " : ""}Uniswap V4 position #${migration.tokenId}`,
      link: {
        href: `/dashboard#position-uniswap-v4-${migration.tokenId}`,
        label: `See V4 position #${migration.tokenId}`,
      },
      detail: depositedAndRefunded(migration, leg),
    };
  },
};
