/** A node of solc's JSON AST: only the fields an enum lookup needs. */
interface AstNode {
  nodeType?: string;
  canonicalName?: string;
  members?: { name: string }[];
  nodes?: AstNode[];
}

/**
 * The member names of a Solidity enum, in declaration order (their ABI values), read from the AST of a forge
 * artifact: the ABI keeps only `uint8` and the enum's name.
 */
export function solidityEnumMembers(artifact: { ast: AstNode }, canonicalName: string): string[] {
  const search = (node: AstNode): string[] | undefined => {
    if (node.nodeType === "EnumDefinition" && node.canonicalName === canonicalName) {
      return (node.members ?? []).map((member) => member.name);
    }
    for (const child of node.nodes ?? []) {
      const found = search(child);
      if (found) return found;
    }
    return undefined;
  };
  const members = search(artifact.ast);
  if (!members) throw new Error(`enum ${canonicalName} is not declared in this artifact`);
  return members;
}
