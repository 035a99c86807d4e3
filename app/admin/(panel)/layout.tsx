import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { logoutAction } from "@/app/actions/admin";
import { requireAdmin } from "@/lib/admin/guard";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Back office" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <>
      <header className="border-b border-stone-200 bg-stone-900 text-stone-100 print:hidden">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
          <span className="font-semibold">Back office</span>
          {getEnv().paymentMode === "sandbox" && (
            <span className="rounded-full bg-amber-300 px-2 py-0.5 text-xs font-semibold text-amber-950">Sandbox</span>
          )}
          <nav className="flex gap-3 overflow-x-auto text-sm">
            <Link href="/admin" className="hover:underline">
              Dashboard
            </Link>
            <Link href="/admin/orders" className="hover:underline">
              Orders
            </Link>
            <Link href="/admin/products" className="hover:underline">
              Products
            </Link>
            <Link href="/admin/fulfilment" className="hover:underline">
              Fulfilment
            </Link>
            <Link href="/admin/shipping" className="hover:underline">
              Shipping
            </Link>
            <Link href="/admin/messages" className="hover:underline">
              Messages
            </Link>
          </nav>
          <form action={logoutAction} className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-stone-400 sm:inline">{admin.email}</span>
            <button className="rounded border border-stone-600 px-2 py-1 hover:bg-stone-800">Log out</button>
          </form>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 print:max-w-none print:p-0">{children}</main>
    </>
  );
}
