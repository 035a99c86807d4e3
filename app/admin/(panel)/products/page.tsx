import Link from "next/link";
import { moveProductAction, productStatusAction } from "@/app/actions/catalog";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { listAdminProducts, productFiltersSchema } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProducts({ searchParams }: Props) {
  await requireAdmin();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = productFiltersSchema.parse(raw);
  const [products, text] = await Promise.all([listAdminProducts(prisma, filters), getAdminText()]);
  const filtered = filters.q !== "" || filters.status !== "all";
  const control = "h-9 rounded-lg border border-stone-300 bg-white px-2 text-sm";
  const small = "rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100 disabled:opacity-40";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Products</h1>
        <Link
          href="/admin/products/new"
          className="ml-auto rounded-lg bg-stone-900 px-3 py-2 text-sm font-semibold text-white hover:bg-stone-700"
        >
          New product
        </Link>
        <Link
          href="/admin/categories"
          className="rounded-lg border border-stone-300 px-3 py-2 text-sm hover:bg-stone-100"
        >
          Categories
        </Link>
      </div>
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 rounded-xl border border-stone-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          Search
          <input
            name="q"
            defaultValue={filters.q}
            placeholder="Name, slug, any language"
            className={`${control} w-64`}
          />
        </label>
        <label className="flex flex-col">
          Show
          <select name="status" defaultValue={filters.status} className={control}>
            <option value="all">All</option>
            <option value="active">On sale</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <button className="h-9 rounded-lg bg-stone-900 px-3 font-semibold text-white">Filter</button>
        {filtered && (
          <Link href="/admin/products" className="h-9 px-2 leading-9 underline">
            Clear
          </Link>
        )}
      </form>
      {products.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-8 text-center text-stone-600">
          {filtered ? (
            <>No product matches these filters.</>
          ) : (
            <>
              No products yet.{" "}
              <Link href="/admin/products/new" className="underline">
                Create the first one
              </Link>
              .
            </>
          )}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">Products, in the shop&apos;s order</caption>
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th className="px-3 py-2">Order</th>
                <th className="px-3 py-2">Product</th>
                <th className="px-3 py-2">Price</th>
                <th className="px-3 py-2">Stock</th>
                <th className="px-3 py-2">Categories</th>
                <th className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p, i) => (
                <tr key={p.id} className="border-t border-stone-100" data-testid="admin-product-row">
                  <td className="px-3 py-2">
                    {!filtered && (
                      <div className="flex gap-1">
                        {(["up", "down"] as const).map((direction) => (
                          <form key={direction} action={moveProductAction}>
                            <input type="hidden" name="id" value={p.id} />
                            <input type="hidden" name="direction" value={direction} />
                            <button
                              className={small}
                              disabled={direction === "up" ? i === 0 : i === products.length - 1}
                              aria-label={`Move ${p.name} ${direction}`}
                            >
                              {direction === "up" ? "↑" : "↓"}
                            </button>
                          </form>
                        ))}
                      </div>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/products/${p.id}`} className="flex items-center gap-3 hover:underline">
                      {/* eslint-disable-next-line @next/next/no-img-element */}
                      <img src={p.thumbnail} alt="" width={40} height={40} className="h-10 w-10 rounded object-cover" />
                      <span>
                        <span className="block font-medium">{p.name}</span>
                        <span className="block font-mono text-xs text-stone-500">{p.slug}</span>
                      </span>
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{text.money(p.priceMinor, p.currency)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {p.stock.tracked ? (
                      <span className={p.stock.available === 0 ? "font-semibold text-red-700" : undefined}>
                        {p.stock.available} left{p.stock.reserved > 0 && `, ${p.stock.reserved} held`}
                      </span>
                    ) : (
                      <span className="text-stone-500">Not tracked</span>
                    )}
                  </td>
                  <td className="px-3 py-2">{p.categories.join(", ") || "—"}</td>
                  <td className="px-3 py-2">
                    <form action={productStatusAction} className="flex items-center gap-2">
                      <input type="hidden" name="id" value={p.id} />
                      <input type="hidden" name="active" value={p.active ? "false" : "true"} />
                      <span className={p.active ? "text-emerald-700" : "text-stone-500"}>
                        {p.active ? "On sale" : "Archived"}
                      </span>
                      <button className={small}>{p.active ? "Archive" : "Restore"}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
