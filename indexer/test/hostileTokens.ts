import { type Address, erc20Abi, parseAbi, parseEther } from "viem";
import { minedReceipt } from "../../devnet/anvil";
import type { ChainWallet } from "../../devnet/migrations";
import { compileContract } from "./solidity";

/**
 * Tokens that try to poison the indexer, compiled at test time (`compileContract`): `decimals()` reverts when
 * `revertDecimals` is set; otherwise the token is plain but no oracle prices it.
 */
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;
contract HostileToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    uint256 public totalSupply;
    bool private immutable REVERT_DECIMALS;
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    constructor(bool revertDecimals, uint256 supply) {
        REVERT_DECIMALS = revertDecimals;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }
    function decimals() external view returns (uint8) {
        require(!REVERT_DECIMALS);
        return 18;
    }
    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }
    function transfer(address to, uint256 value) external returns (bool) {
        return _move(msg.sender, to, value);
    }
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (allowance[from][msg.sender] != type(uint256).max) allowance[from][msg.sender] -= value;
        return _move(from, to, value);
    }
    function _move(address from, address to, uint256 value) private returns (bool) {
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        return true;
    }
}`;

const factoryAbi = parseAbi([
  "function createPair(address, address) returns (address)",
  "function getPair(address, address) view returns (address)",
]);
const pairMintAbi = parseAbi(["function mint(address to) returns (uint256)"]);
const wethAbi = parseAbi(["function deposit() payable"]);

/**
 * Deploys a hostile token and a V2 pair of it with WETH (10 of each), its LP minted to the wallet: the pair a
 * migration then carries to V3.
 */
export async function hostilePair(
  wallet: ChainWallet,
  { v2Factory, weth, revertDecimals }: { v2Factory: Address; weth: Address; revertDecimals: boolean },
): Promise<{ token: Address; pair: Address }> {
  const { abi, bytecode } = compileContract(SOURCE, "HostileToken");
  const supply = parseEther("1000000");
  const deployed = await minedReceipt(
    wallet,
    await wallet.deployContract({ abi, bytecode, args: [revertDecimals, supply] }),
  );
  const token = deployed.contractAddress;
  if (!token) throw new Error("HostileToken deployment has no address");
  await minedReceipt(
    wallet,
    await wallet.writeContract({
      address: v2Factory,
      abi: factoryAbi,
      functionName: "createPair",
      args: [token, weth],
    }),
  );
  const pair = await wallet.readContract({
    address: v2Factory,
    abi: factoryAbi,
    functionName: "getPair",
    args: [token, weth],
  });
  const amount = parseEther("10");
  await minedReceipt(
    wallet,
    await wallet.writeContract({ address: weth, abi: wethAbi, functionName: "deposit", value: amount }),
  );
  await minedReceipt(
    wallet,
    await wallet.writeContract({ address: weth, abi: erc20Abi, functionName: "transfer", args: [pair, amount] }),
  );
  await minedReceipt(
    wallet,
    await wallet.writeContract({ address: token, abi: erc20Abi, functionName: "transfer", args: [pair, amount] }),
  );
  await minedReceipt(
    wallet,
    await wallet.writeContract({
      address: pair,
      abi: pairMintAbi,
      functionName: "mint",
      args: [wallet.account.address],
    }),
  );
  return { token, pair };
}
