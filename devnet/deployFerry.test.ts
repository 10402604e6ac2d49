import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FerryDeployment } from "../lib/migrator/deployment";
import { recordDeployment } from "./deployFerry";

const FERRY_FILE = join(import.meta.dirname, "..", "lib", "ferry.json");

function copyOfFerryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "ferry-record-")), "ferry.json");
  copyFileSync(FERRY_FILE, file);
  return file;
}

describe("recordDeployment", () => {
  it("leaves the file byte for byte as Deploy.s.sol wrote it when the deployment is the same", () => {
    const file = copyOfFerryFile();
    const recorded = JSON.parse(readFileSync(file, "utf8"));
    const [chainId, deployment] = Object.entries(recorded)[0] ?? [];
    expect(chainId, "lib/ferry.json records a deployment").toBeDefined();

    expect(recordDeployment(Number(chainId), deployment as FerryDeployment, file)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(FERRY_FILE, "utf8"));
  });

  it("adds another chain's deployment beside the existing ones and says the file changed", () => {
    const file = copyOfFerryFile();
    const before = JSON.parse(readFileSync(file, "utf8"));
    const fork = { deployBlock: 21_000_000, migrator: "0x00000000000000000000000000000000000000F1" } as const;

    expect(recordDeployment(1, fork, file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ...before, "1": fork });
  });
});
