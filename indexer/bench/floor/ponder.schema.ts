import { onchainTable } from "ponder";

/** Never written: Ponder wants a schema. */
export const unused = onchainTable("unused", (t) => ({ id: t.integer().primaryKey() }));
