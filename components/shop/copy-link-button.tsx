"use client";
import { useState } from "react";

/** Copies a link to the clipboard and says so (or says how to copy it by hand). */
export function CopyLinkButton({
  href,
  label,
  copiedText,
  failedText,
}: {
  href: string;
  label: string;
  copiedText: string;
  failedText: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "by-hand">("idle");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => {
          // No clipboard outside a secure context (a LAN address over http): say how instead.
          if (!navigator.clipboard) return setState("by-hand");
          navigator.clipboard.writeText(href).then(
            () => setState("copied"),
            () => setState("by-hand"),
          );
        }}
        className="h-11 rounded-xl bg-brand-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        {label}
      </button>
      <span role="status" className="text-sm text-brand-800">
        {state === "copied" ? copiedText : state === "by-hand" ? failedText : ""}
      </span>
    </div>
  );
}
