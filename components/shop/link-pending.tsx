"use client";
import { useLinkStatus } from "next/link";

/** Inside a <Link>: a small pulsing dot while the page it opens loads. */
export function LinkPending({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-block size-2 animate-pulse rounded-full bg-current align-middle">
      <span className="sr-only">{label}</span>
    </span>
  );
}
