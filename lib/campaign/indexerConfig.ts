/** Where the app reads campaign statistics: the indexer's API, configured at start-up like the chain. */
export interface IndexerConfig {
  url: string;
}

export class IndexerConfigError extends Error {
  override name = "IndexerConfigError";
}

const DEFAULT_INDEXER_URL = "http://127.0.0.1:42069";

/** Parses FERRY_INDEXER_URL (an http(s) origin, no trailing slash kept); throws naming the variable. */
export function parseIndexerConfig(env: Record<string, string | undefined>): IndexerConfig {
  const raw = env.FERRY_INDEXER_URL || DEFAULT_INDEXER_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IndexerConfigError(`FERRY_INDEXER_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IndexerConfigError(`FERRY_INDEXER_URL must be an http(s) URL, got "${raw}"`);
  }
  return { url: raw.replace(/\/+$/, "") };
}
