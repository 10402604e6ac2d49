import Link from "next/link";

export default function Home() {
  return (
    <section className="space-y-6 py-12">
      <h1 className="text-4xl font-bold tracking-tight">Move your liquidity to the new version in one transaction.</h1>
      <p className="max-w-2xl text-lg text-muted">
        Ferry withdraws your Uniswap and Aave positions from the old version and deposits them into the new one
        atomically: one signature per position, one transaction, slippage bounds on both legs, and every leftover token
        refunded to you.
      </p>
      <Link
        href="/migrate"
        className="inline-block rounded-lg bg-ferry-600 px-5 py-3 font-medium text-white hover:bg-ferry-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Find my positions
      </Link>
    </section>
  );
}
