import type { ReactNode } from "react";

/** Label and value rows; a `false` row is left out (e.g. an order without a title). */
export function SandboxOrderFacts({
  facts,
  className = "",
}: {
  facts: readonly (readonly [string, ReactNode] | false)[];
  className?: string;
}) {
  return (
    <dl className={`space-y-2 text-sm ${className}`}>
      {facts.map(
        (fact) =>
          fact && (
            <div key={fact[0]} className="flex flex-wrap justify-between gap-x-4 gap-y-0.5">
              <dt className="shrink-0 text-stone-600">{fact[0]}</dt>
              <dd className="ml-auto min-w-0 text-right font-medium wrap-anywhere text-stone-900">{fact[1]}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
