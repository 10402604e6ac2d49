import type { RouteDescriptor } from "../types";
import { describeV4Migration } from "../v4Receipt";

/** How people see the route: its name and its `Migrated` event in the receipt (no planning code: light to import). */
export const uniswapV2ToV4Route: RouteDescriptor<"UniswapV2ToV4"> = {
  route: "UniswapV2ToV4",
  label: "Uniswap V2 → V4",
  describe: describeV4Migration,
};
