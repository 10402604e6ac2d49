"use client";

import { createContext, type ReactNode, useCallback, useContext, useId, useMemo, useState } from "react";

interface Shown {
  by: string;
  message: string;
}

const FlowAlertContext = createContext<
  { shown: Shown | undefined; show: (shown: Shown | undefined) => void } | undefined
>(undefined);

/**
 * The flow's one error alert: the migrations on the page (the batch, the Aave card) share it, so a newer error or
 * step of any of them replaces an older error ("You rejected…") instead of standing next to it.
 */
export function FlowAlertProvider({ children }: { children: ReactNode }) {
  const [shown, show] = useState<Shown>();
  const value = useMemo(() => ({ shown, show }), [shown]);
  return <FlowAlertContext.Provider value={value}>{children}</FlowAlertContext.Provider>;
}

/**
 * The flow's error if this component raised it; `raise` replaces whatever the flow showed, `clear` (a new step
 * starts) removes it.
 */
export function useFlowAlert() {
  const context = useContext(FlowAlertContext);
  if (!context) throw new Error("useFlowAlert needs a FlowAlertProvider above it");
  const by = useId();
  const { shown, show } = context;
  const raise = useCallback((message: string) => show({ by, message }), [show, by]);
  const clear = useCallback(() => show(undefined), [show]);
  return { message: shown?.by === by ? shown.message : undefined, raise, clear };
}
