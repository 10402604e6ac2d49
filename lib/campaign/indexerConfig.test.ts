import { describe, expect, it } from "vitest";
import { IndexerConfigError, parseIndexerConfig } from "./indexerConfig";

describe("parseIndexerConfig", () => {
  it("defaults to a local indexer", () => {
    expect(parseIndexerConfig({})).toEqual({ url: "http://127.0.0.1:42069" });
  });

  it("reads FERRY_INDEXER_URL and drops trailing slashes", () => {
    expect(parseIndexerConfig({ FERRY_INDEXER_URL: "https://stats.ferry.example/v1//" })).toEqual({
      url: "https://stats.ferry.example/v1",
    });
  });

  it.each(["ws://127.0.0.1:42069", "127.0.0.1:42069", "not a url"])("rejects %s with a clear error", (value) => {
    expect(() => parseIndexerConfig({ FERRY_INDEXER_URL: value })).toThrow(IndexerConfigError);
    expect(() => parseIndexerConfig({ FERRY_INDEXER_URL: value })).toThrow(
      /FERRY_INDEXER_URL must be an http\(s\) URL/,
    );
  });
});
