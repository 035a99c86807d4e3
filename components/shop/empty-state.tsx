import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState({
  title,
  text,
  action,
  icon,
}: {
  title: string;
  text: string;
  action?: { href: string; label: string };
  icon?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
      {icon && <div className="mb-4 text-stone-400">{icon}</div>}
      <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
      <p className="mt-2 text-sm text-stone-600">{text}</p>
      {action && (
        <Link
          href={action.href}
          className="mt-6 rounded-xl bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {action.label}
        </Link>
      )}
    </div>
  );
}
