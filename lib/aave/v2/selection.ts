import { type Address, isAddressEqual } from "viem";

export type ReserveSide = "supply" | "debt";

/**
 * The reserves the user leaves on Aave V2, per side, by asset. Everything else moves: a reserve the page has not
 * shown yet moves by default, and the choice survives a refetch of the position.
 */
export type KeptOnV2 = Readonly<Record<ReserveSide, readonly Address[]>>;

export const MOVE_EVERYTHING: KeptOnV2 = { supply: [], debt: [] };

/** Whether the asset's supply (or debt) is selected to move. */
export function isMoving(kept: KeptOnV2, side: ReserveSide, asset: Address): boolean {
  return !kept[side].some((keptAsset) => isAddressEqual(keptAsset, asset));
}

/** The selection with one reserve side ticked (moving) or unticked (kept on V2). */
export function withMoving(kept: KeptOnV2, side: ReserveSide, asset: Address, moving: boolean): KeptOnV2 {
  const others = kept[side].filter((keptAsset) => !isAddressEqual(keptAsset, asset));
  return { ...kept, [side]: moving ? others : [...others, asset] };
}
