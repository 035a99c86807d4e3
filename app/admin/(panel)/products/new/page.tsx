import Link from "next/link";
import { ProductForm } from "@/components/admin/product-form";
import { requireAdmin } from "@/lib/admin/guard";
import { catalogFormOptions } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function NewProduct() {
  await requireAdmin();
  const { categories, currencies } = await catalogFormOptions(prisma);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/admin/products" className="text-sm underline">
        ← Products
      </Link>
      <h1 className="text-2xl font-bold">New product</h1>
      <p className="text-sm text-stone-600">Images can be added once the product is created.</p>
      <ProductForm values={{ currency: "HKD", active: "on" }} categories={categories} currencies={currencies} />
    </div>
  );
}
