"use client";

import {
  createContext,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  useContext,
  useEffect,
  useState,
} from "react";

/** The user's choices by account, then by name: outlives the flow, which unmounts on a wrong network or a disconnect. */
type Store = Map<string, Map<string, unknown>>;

const StoreContext = createContext<Store | undefined>(undefined);
const AccountContext = createContext<string | undefined>(undefined);

/** Holds the choices for as long as the page is open: put it above whatever a network switch or disconnect unmounts. */
export function KeptInputsProvider({ children }: { children: ReactNode }) {
  const [store] = useState<Store>(() => new Map());
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The account whose choices the components below keep: another account starts from its own (or fresh) choices. */
export function KeptInputsAccount({ account, children }: { account: string; children: ReactNode }) {
  return <AccountContext.Provider value={account.toLowerCase()}>{children}</AccountContext.Provider>;
}

/**
 * `useState` whose value survives the component unmounting: selection, share, range, fee, slippage come back as the
 * user left them after "Switch network" or a reconnect. `name` is unique on the page.
 */
export function useKeptState<Value>(name: string, initial: Value): [Value, Dispatch<SetStateAction<Value>>] {
  const store = useContext(StoreContext);
  const account = useContext(AccountContext);
  if (!store || account === undefined) throw new Error("useKeptState needs a KeptInputsProvider and an account");
  const [value, setValue] = useState<Value>(() => {
    const kept = store.get(account);
    return kept?.has(name) ? (kept.get(name) as Value) : initial;
  });
  useEffect(() => {
    const kept = store.get(account) ?? new Map<string, unknown>();
    store.set(account, kept.set(name, value));
  }, [store, account, name, value]);
  return [value, setValue];
}
