import { createRequire } from "node:module";
import type { Abi, Hex } from "viem";

/** A compiled contract: what `deployContract` takes. */
export interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

const compiled = new Map<string, Artifact>();

/**
 * Compiles one test-only contract from `source` with the npm solc (a few hundred ms, no forge build): the hostile
 * tokens and attackers the indexer's tests deploy on the world. Compiled once per process.
 */
export function compileContract(source: string, name: string): Artifact {
  const cached = compiled.get(name);
  if (cached) return cached;
  const solc = createRequire(import.meta.url)("solc");
  const input = {
    language: "Solidity",
    sources: { [`${name}.sol`]: { content: source } },
    settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const contract = output.contracts?.[`${name}.sol`]?.[name];
  if (!contract) throw new Error(`compiling ${name} failed: ${JSON.stringify(output.errors)}`);
  const artifact = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` as Hex };
  compiled.set(name, artifact);
  return artifact;
}
