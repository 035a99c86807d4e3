import Link from "next/link";
import { CategoryForm } from "@/components/admin/category-form";
import { requireAdmin } from "@/lib/admin/guard";
import { categoryFormValues } from "@/lib/catalog/admin/input";
import { listAdminCategories } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function AdminCategories() {
  await requireAdmin();
  const categories = await listAdminCategories(prisma);
  return (
    <div className="space-y-4">
      <Link href="/admin/products" className="text-sm underline">
        ← Products
      </Link>
      <h1 className="text-2xl font-bold">Categories</h1>
      <p className="text-sm text-stone-600">
        Each category has its own page in the shop (/categories/slug). Choose a product&apos;s categories on the
        product&apos;s page.
      </p>
      <section aria-labelledby="new-category" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="new-category" className="mb-2 font-semibold">
          New category
        </h2>
        <CategoryForm values={{ active: "on" }} />
      </section>
      {categories.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center text-stone-600">
          No categories yet.
        </p>
      ) : (
        <ul className="space-y-3">
          {categories.map((c) => (
            <li key={c.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="admin-category">
              <p className="mb-2 text-xs text-stone-500">
                {c.productCount} product{c.productCount === 1 ? "" : "s"}
                {c.active ? (
                  <>
                    {" · "}
                    <Link href={`/categories/${c.slug}`} className="underline">
                      View in the shop
                    </Link>
                  </>
                ) : (
                  " · hidden"
                )}
              </p>
              <CategoryForm key={c.updatedAt.toISOString()} id={c.id} values={categoryFormValues(c)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
