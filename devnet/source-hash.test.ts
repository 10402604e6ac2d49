import { describe, expect, it } from "vitest";
import { contractSourcesStamp, generatedAbisAreCurrent, sourcesHash } from "./source-hash";

describe("source hashes", () => {
  it("the committed lib/generated/abis.ts was generated from the current contracts/src (else: npm run build:abis, commit it)", () => {
    expect(generatedAbisAreCurrent(), `abis.ts does not carry "${contractSourcesStamp()}"`).toBe(true);
  });

  it("depend on which sources are hashed and refuse a path with no files", () => {
    expect(sourcesHash(["contracts/src"])).not.toBe(sourcesHash(["contracts/src", "contracts/script"]));
    expect(() => sourcesHash(["no/such/dir"])).toThrow("no source files under no/such/dir");
  });
});
