"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

/**
 * While an order waits for its payment, asks the status endpoint every two seconds and, when
 * the status changes, re-renders the page (or goes to `onChangeHref`). Renders nothing itself.
 */
export function LiveOrderStatus({
  statusUrl,
  status,
  waiting,
  onChangeHref,
}: {
  statusUrl: string;
  /** The status the page shows; a poll that answers another re-renders it. */
  status: string;
  /** Is the order still waiting for its payment (only then is there anything to poll)? */
  waiting: boolean;
  onChangeHref?: string;
}) {
  const router = useRouter();
  const done = useRef(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(async () => {
      if (done.current) return;
      try {
        const response = await fetch(statusUrl, { cache: "no-store" });
        if (!response.ok) return;
        const { status: now } = (await response.json()) as { status: string };
        if (now !== status) {
          done.current = true;
          if (onChangeHref) router.push(onChangeHref);
          else router.refresh();
        }
      } catch {
        // offline for a moment: try again on the next tick
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [statusUrl, status, waiting, onChangeHref, router]);
  return null;
}
