import { readFileSync } from "node:fs";
import { defineConfig } from "@wagmi/cli";
import { foundry } from "@wagmi/cli/plugins";
import type { Abi } from "viem";
import { contractSourcesStamp } from "./devnet/source-hash";
import { solidityEnumMembers } from "./lib/routes/solidityEnum";

/** The ABI inside a protocol package's build artifact (waffle and hardhat both keep it under `abi`). */
function packageAbi(path: string): Abi {
  return JSON.parse(readFileSync(`node_modules/${path}`, "utf8")).abi;
}

const AAVE_V2 = "@aave/protocol-v2/artifacts/contracts";
const AAVE_V3 = "@aave/core-v3/artifacts/contracts";

/**
 * Every protocol contract Ferry's TypeScript talks to, by the name its ABI gets (`<name>Abi`), and the artifact it
 * comes from: the same packages the world deploys. Interfaces where the package has one (smaller bundles).
 */
const PROTOCOL_ABIS: Record<string, string> = {
  UniswapV2Pair: "@uniswap/v2-core/build/UniswapV2Pair.json",
  UniswapV3Pool: "@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json",
  UniswapV3Factory: "@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json",
  NonfungiblePositionManager:
    "@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json",
  // V4 pools are read through StateView (slot0, liquidity by PoolId); positions through the PositionManager.
  UniswapV4StateView: "@uniswap/v4-periphery/foundry-out/IStateView.sol/IStateView.json",
  UniswapV4PositionManager: "@uniswap/v4-periphery/foundry-out/IPositionManager.sol/IPositionManager.json",
  AaveV2LendingPool: `${AAVE_V2}/interfaces/ILendingPool.sol/ILendingPool.json`,
  AaveV2AddressesProvider: `${AAVE_V2}/interfaces/ILendingPoolAddressesProvider.sol/ILendingPoolAddressesProvider.json`,
  AaveV2DataProvider: `${AAVE_V2}/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json`,
  // V2's oracle answers in ETH wei; the interface is the one every Aave oracle implements.
  AaveV2Oracle: `${AAVE_V2}/interfaces/IPriceOracleGetter.sol/IPriceOracleGetter.json`,
  // V2 aTokens sign EIP-2612 permits (their nonces are `_nonces`).
  AaveV2AToken: `${AAVE_V2}/protocol/tokenization/AToken.sol/AToken.json`,
  AaveV3Pool: `${AAVE_V3}/interfaces/IPool.sol/IPool.json`,
  AaveV3AddressesProvider: `${AAVE_V3}/interfaces/IPoolAddressesProvider.sol/IPoolAddressesProvider.json`,
  AaveV3DataProvider: `${AAVE_V3}/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json`,
  AaveV3Oracle: `${AAVE_V3}/interfaces/IAaveOracle.sol/IAaveOracle.json`,
  // V3 variable debt tokens carry credit delegation: approveDelegation and delegationWithSig.
  AaveV3VariableDebtToken: `${AAVE_V3}/protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json`,
};

/**
 * Where a deposit into Uniswap V4 can revert: the PoolManager, the PositionManager, and the libraries they revert
 * through (pool and tick rules, hooks and `CustomRevert.WrappedError` carrying a hook's or a token's revert, currency
 * transfers). Their errors only, so the app's decoder knows every revert of a V4 leg.
 */
const UNISWAP_V4_ERROR_SOURCES = [
  "@uniswap/v4-core/out/PoolManager.sol/PoolManager.json",
  ...["Pool", "Hooks", "CustomRevert", "TickMath", "TickBitmap", "SqrtPriceMath", "SafeCast", "LPFeeLibrary"].map(
    (name) => `@uniswap/v4-core/out/${name}.sol/${name}.json`,
  ),
  "@uniswap/v4-core/out/Currency.sol/CurrencyLibrary.json",
  "@uniswap/v4-periphery/foundry-out/PositionManager.sol/PositionManager.json",
];

/** The errors of `paths`' ABIs, each signature once. */
function errorsOf(paths: string[]): Abi {
  const errors = new Map<string, Abi[number]>();
  for (const item of paths.flatMap(packageAbi)) {
    if (item.type === "error") errors.set(`${item.name}(${item.inputs.map((input) => input.type).join(",")})`, item);
  }
  return [...errors.values()];
}

export default defineConfig({
  out: "lib/generated/abis.ts",
  contracts: [
    ...Object.entries(PROTOCOL_ABIS).map(([name, path]) => ({ name, abi: packageAbi(path) })),
    { name: "UniswapV4Errors", abi: errorsOf(UNISWAP_V4_ERROR_SOURCES) },
  ],
  plugins: [
    foundry({
      project: "contracts",
      include: [
        "Migrator.sol/**",
        // Every route's interface file: its getters and errors, and its params carrier for the encoders.
        "I*Route.sol/**",
        // The Aave V3 Pool as Ferry reads it, with V3.2's getters that the V3.0 package lacks.
        "IAaveV3Pool.sol/**",
        "RewardsDistributor.sol/**",
      ],
      // The `size` compiler profile (foundry.toml) writes a second artifact of some contracts, `<Name>.size.json`.
      // A build with the tests nests `src/interfaces/external/IAaveV3Pool.sol`'s artifact under `external/` (a test
      // interface declares a contract of the same name) and leaves it there; `build:abis` builds without the tests.
      exclude: ["**/*.size.json", "external/**"],
      forge: { build: false },
    }),
    {
      // The ABI types a route as `uint8`: its member names come from the interface's AST, for the route registry.
      name: "MigratorRoutes",
      run: () => {
        const artifact = JSON.parse(readFileSync("contracts/out/IMigrator.sol/IMigrator.json", "utf8"));
        const names = solidityEnumMembers(artifact, "IMigrator.Route");
        return {
          content: `/** \`IMigrator.Route\` member names; a member's index is its value. */\nexport const migratorRouteNames = ${JSON.stringify(names)} as const;`,
        };
      },
    },
    {
      name: "DoNotEdit",
      run: () => ({
        prepend:
          // The stamp tells `npm start` and the tests whether this file is current for contracts/src.
          `// Generated by \`npm run build:abis\` from ${contractSourcesStamp(process.cwd())} and the protocols' packages. Do not edit.`,
        content: "",
      }),
    },
  ],
});
