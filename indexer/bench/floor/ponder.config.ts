// The floor: the indexer's own configuration (the same contracts, events, block source and RPC), with handlers that
// do nothing.
export { default } from "../../ponder.config";
