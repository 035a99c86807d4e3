import type { ReactNode } from "react";
import { SANDBOX_PATH } from "@/lib/scanforpay/config";

/** What the checkout views show of an order that is still to be paid. */
export type SandboxCheckout = {
  token: string;
  /** Formatted, e.g. "HK$168.00". */
  amount: string;
  /** The items and the extras (shipping), formatted, when the create request named them. */
  breakdown: { goods: string; extra: string } | null;
  merchant: string;
  title: string | null;
  partnerOrderNo: string;
  expires: { iso: string; label: string };
  /** Display name and the classes of the wallet's colour (background and text on it). */
  wallet: { name: string; solid: string };
};

/**
 * One form per checkout: its outcome buttons (name="outcome") post to the act route together
 * with the advanced panel's notify choice. Plain HTML, so it works without JavaScript.
 */
export function SandboxOutcomeForm({
  token,
  via,
  className,
  children,
}: {
  token: string;
  via: "browser" | "scan";
  className?: string;
  children: ReactNode;
}) {
  return (
    <form method="post" action={`${SANDBOX_PATH}/pay/${encodeURIComponent(token)}/act`} className={className}>
      <input type="hidden" name="via" value={via} />
      {children}
    </form>
  );
}
