import { Hono } from "hono";

// Ponder serves /health, /ready, /status and /metrics itself; the floor has no API of its own.
export default new Hono();
