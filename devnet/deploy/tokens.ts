import type { Address } from "viem";
import { loadArtifact } from "./artifacts";
import type { Chain } from "./chain";
import { TOKENS, type TokenSymbol } from "./config";

export const WETH9_ARTIFACT = "@uniswap/v2-periphery/build/WETH9.json";
/** Aave's test token: open `mint`, EIP-2612 `permit`, configurable decimals. */
export const ERC20_ARTIFACT = "@aave/core-v3/artifacts/contracts/mocks/tokens/MintableERC20.sol/MintableERC20.json";

const erc20Abi = () => loadArtifact(ERC20_ARTIFACT).abi;
const weth9Abi = () => loadArtifact(WETH9_ARTIFACT).abi;

export type Tokens = Record<TokenSymbol, Address>;

export async function deployTokens(chain: Chain, deployer: Address): Promise<Tokens> {
  const tokens: Partial<Tokens> = { WETH: (await chain.deploy(deployer, WETH9_ARTIFACT)).address };
  for (const [symbol, { decimals }] of Object.entries(TOKENS)) {
    if (symbol === "WETH") continue;
    const name = `${symbol} (Ferry devnet)`;
    tokens[symbol as TokenSymbol] = (await chain.deploy(deployer, ERC20_ARTIFACT, [name, symbol, decimals])).address;
  }
  return tokens as Tokens;
}

/** Gives `holder` `amount` of a token: wraps ETH for WETH, mints otherwise. */
export async function fund(chain: Chain, tokens: Tokens, symbol: TokenSymbol, holder: Address, amount: bigint) {
  if (symbol === "WETH") {
    await chain.write(holder, { address: tokens.WETH, abi: weth9Abi() }, "deposit", [], amount);
  } else {
    await chain.write(holder, { address: tokens[symbol], abi: erc20Abi() }, "mint", [amount]);
  }
}

export async function approve(chain: Chain, token: Address, owner: Address, spender: Address, amount: bigint) {
  await chain.write(owner, { address: token, abi: erc20Abi() }, "approve", [spender, amount]);
}
