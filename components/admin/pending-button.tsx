"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** A back-office form's button, busy (and not pressable twice) while its server action runs. */
export function PendingButton({
  children,
  busy,
  className,
}: {
  children: ReactNode;
  busy?: string;
  className: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button disabled={pending} aria-busy={pending || undefined} className={`${className} disabled:opacity-60`}>
      {pending ? (busy ?? children) : children}
    </button>
  );
}
