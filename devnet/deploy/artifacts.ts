import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Abi, Address, Hex } from "viem";

/** Byte offsets of library placeholders, keyed by source file then library name (hardhat and foundry share this shape). */
type LinkReferences = Record<string, Record<string, { start: number; length: number }[]>>;

export interface Artifact {
  abi: Abi;
  bytecode: Hex;
  linkReferences: LinkReferences;
}

/** A file inside an installed package, read directly: several packages' `exports` hide their build outputs. */
export const packageFile = (packagePath: string) => join(import.meta.dirname, "..", "..", "node_modules", packagePath);
const loaded = new Map<string, Artifact>();

/**
 * Reads a compiled contract shipped in an npm package, whatever tool produced it:
 * waffle (`bytecode` without 0x), hardhat (`bytecode` + `linkReferences`) or foundry (`bytecode.object`).
 */
export function loadArtifact(packagePath: string): Artifact {
  const cached = loaded.get(packagePath);
  if (cached) return cached;
  const json = JSON.parse(readFileSync(packageFile(packagePath), "utf8"));
  const raw: string | { object: string; linkReferences?: LinkReferences } = json.bytecode;
  const code = typeof raw === "string" ? raw : raw.object;
  const linkReferences = (typeof raw === "string" ? json.linkReferences : raw.linkReferences) ?? {};
  const artifact = { abi: json.abi, bytecode: (code.startsWith("0x") ? code : `0x${code}`) as Hex, linkReferences };
  loaded.set(packagePath, artifact);
  return artifact;
}

/** The ABI of an artifact, or of a bare ABI file (an array) such as the SDKs ship. */
export function loadAbi(packagePath: string): Abi {
  const json = JSON.parse(readFileSync(packageFile(packagePath), "utf8"));
  return Array.isArray(json) ? json : json.abi;
}

/** Writes library addresses over their placeholders; throws if a needed library is missing. */
export function linkBytecode(artifact: Artifact, libraries: Record<string, Address> = {}): Hex {
  let hex = artifact.bytecode.slice(2);
  for (const byName of Object.values(artifact.linkReferences)) {
    for (const [name, offsets] of Object.entries(byName)) {
      const address = libraries[name];
      if (!address) throw new Error(`bytecode needs library ${name}, which was not given`);
      for (const { start, length } of offsets) {
        hex = hex.slice(0, start * 2) + address.slice(2).toLowerCase() + hex.slice((start + length) * 2);
      }
    }
  }
  if (hex.includes("__")) throw new Error("bytecode still has unlinked library placeholders");
  return `0x${hex}`;
}
