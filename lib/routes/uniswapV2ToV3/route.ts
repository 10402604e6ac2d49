import { formatAmount } from "../../format";
import type { LegSummary, RouteDescriptor } from "../types";

/** How people see the route: its name and its `Migrated` event in the receipt (no planning code: light to import). */
export const uniswapV2ToV3Route: RouteDescriptor<"UniswapV2ToV3"> = {
  route: "UniswapV2ToV3",
  label: "Uniswap V2 → V3",
  describe: (event, leg) => {
    if (event.kind !== "Migrated") return { title: `${event.source}: an unexpected lending migration` };
    const { migration } = event;
    const amount = (value: bigint, token: LegSummary["tokens"][number] | undefined) =>
      token ? `${formatAmount(value, token.decimals)} ${token.symbol}` : value.toString();
    const tokenOf = (address: string) =>
      leg?.tokens.find((token) => token.address.toLowerCase() === address.toLowerCase());
    const [t0, t1] = [tokenOf(migration.token0), tokenOf(migration.token1)];
    const added = leg?.addsTo === migration.tokenId;
    return {
      title: `${leg?.name ?? event.source} → ${added ? "added to your " : ""}Uniswap V3 position #${migration.tokenId}`,
      link: {
        href: `/dashboard#position-uniswap-v3-${migration.tokenId}`,
        label: `See position #${migration.tokenId}`,
      },
      detail: `Deposited ${amount(migration.amount0Deposited, t0)} + ${amount(migration.amount1Deposited, t1)}; refunded ${amount(migration.amount0Refunded, t0)} + ${amount(migration.amount1Refunded, t1)}${migration.refundedAsEth ? " (WETH as ETH)" : ""}.`,
    };
  },
};
