import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { rpc, startAnvil } from "./anvil";

describe("startAnvil", () => {
  // Another node already on the port, answering RPC as an anvil would.
  const foreign = createServer((_, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: "0x7a69" }));
  });
  const foreignPort = new Promise<number>((resolve) =>
    foreign.listen(0, "127.0.0.1", () => resolve((foreign.address() as AddressInfo).port)),
  );
  afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

  it("refuses a port another node holds instead of taking that node's answers for its own", async () => {
    await expect(startAnvil(["--chain-id", "31337"], await foreignPort)).rejects.toThrow("Address already in use");
  });

  it("answers on the port it reports", async () => {
    const node = await startAnvil(["--chain-id", "5"]);
    try {
      expect(await rpc(node.rpcUrl, "eth_chainId", [])).toBe("0x5");
    } finally {
      await node.stop();
    }
  });
});
