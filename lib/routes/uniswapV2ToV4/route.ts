import { depositedAndRefunded } from "../liquidityReceipt";
import type { RouteDescriptor } from "../types";

/** How people see the route: its name and its `Migrated` event in the receipt (no planning code: light to import). */
export const uniswapV2ToV4Route: RouteDescriptor<"UniswapV2ToV4"> = {
  route: "UniswapV2ToV4",
  label: "Uniswap V2 → V4",
  describe: (event, leg) => {
    if (event.kind !== "Migrated") return { title: `${event.source}: an unexpected lending migration` };
    const { migration } = event;
    const added = leg?.addsTo === migration.tokenId;
    // The leg's destination names the pool ("Mints a new V4 position in ETH / USDC 0.05%"); the event its PoolId.
    const pool = leg?.destination ? `${leg.destination} (pool ${migration.destination}). ` : "";
    return {
      title: `${leg?.name ?? event.source} → ${added ? "added to your " : ""}Uniswap V4 position #${migration.tokenId}`,
      link: {
        href: `/dashboard#position-uniswap-v4-${migration.tokenId}`,
        label: `See V4 position #${migration.tokenId}`,
      },
      detail: `${pool}${depositedAndRefunded(migration, leg)}`,
    };
  },
};
