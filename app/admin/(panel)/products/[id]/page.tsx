import Link from "next/link";
import { notFound } from "next/navigation";
import { imageAction, productStatusAction } from "@/app/actions/catalog";
import { ImageUploadForm } from "@/components/admin/image-upload-form";
import { PendingButton } from "@/components/admin/pending-button";
import { ProductForm } from "@/components/admin/product-form";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminText } from "@/lib/admin/text-server";
import { verifiedNotice } from "@/lib/catalog/admin/http";
import { productFormValues } from "@/lib/catalog/admin/input";
import { catalogFormOptions, describeChanges, getAdminProduct } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { MAX_IMAGE_BYTES } from "@/lib/images/inspect";
import { imageUrl } from "@/lib/images/urls";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AdminProduct({ params, searchParams }: Props) {
  await requireAdmin();
  const { id } = await params;
  const query = await searchParams;
  const [found, options, text] = await Promise.all([
    /^[a-z0-9]{1,40}$/.test(id) ? getAdminProduct(prisma, id) : null,
    catalogFormOptions(prisma),
    getAdminText(),
  ]);
  if (!found) notFound();
  const { product, images, audit, ordered, stock } = found;
  const saved = one(query.saved);
  const imageError = verifiedNotice(one(query.imageError), one(query.mac), getEnv().sessionSecret);
  const button = "rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100";
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/admin/products" className="text-sm underline">
        ← Products
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{product.name}</h1>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${product.active ? "bg-emerald-100 text-emerald-900" : "bg-stone-200 text-stone-700"}`}
        >
          {product.active ? "On sale" : "Archived"}
        </span>
        {product.active && (
          <Link href={`/products/${product.slug}`} className="text-sm underline">
            View in the shop
          </Link>
        )}
        <form action={productStatusAction} className="ml-auto">
          <input type="hidden" name="id" value={product.id} />
          <input type="hidden" name="active" value={product.active ? "false" : "true"} />
          <PendingButton className="rounded-lg border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">
            {product.active ? "Archive (hide from the shop)" : "Restore (put on sale)"}
          </PendingButton>
        </form>
      </div>
      {saved && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          {saved === "created" ? "Product created." : "Changes saved."} Existing orders keep the lines they were placed
          with.
        </p>
      )}
      <p className="text-sm text-stone-600" data-testid="admin-stock">
        {stock.tracked
          ? `Stock: ${stock.onHand} on hand, ${stock.available} available, ${stock.reserved} held by orders waiting for payment.`
          : "Stock is not tracked: this product never sells out."}{" "}
        Ordered {ordered} time{ordered === 1 ? "" : "s"}.
      </p>

      <ProductForm
        id={product.id}
        values={{ ...productFormValues(product), categories: product.categories.map((c) => c.id) }}
        categories={options.categories}
        currencies={options.currencies}
        slugLocked={ordered > 0}
      />

      <section aria-labelledby="images" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="images" className="font-semibold">
          Images
        </h2>
        {one(query.image) === "added" && (
          <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
            Image added.
          </p>
        )}
        {imageError && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            The image was not added: {imageError}
          </p>
        )}
        {images.length === 0 ? (
          <p className="text-sm text-stone-600">No images yet: the shop shows a placeholder.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {images.map((image, i) => (
              <li key={image.id} className="space-y-1 text-xs" data-testid="admin-image">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={imageUrl(image, image.variants.some((v) => v.width === 320) ? 320 : undefined)}
                  alt={image.alt ?? ""}
                  width={image.width}
                  height={image.height}
                  className="aspect-square w-full rounded border border-stone-200 object-cover"
                />
                <p className="text-stone-600">
                  {i === 0 && <strong className="text-stone-900">Primary · </strong>}
                  {image.width}×{image.height}, {Math.ceil(image.byteSize / 1024)} KB
                </p>
                <div className="flex gap-1">
                  {i > 0 && (
                    <form action={imageAction}>
                      <input type="hidden" name="productId" value={product.id} />
                      <input type="hidden" name="imageId" value={image.id} />
                      <input type="hidden" name="do" value="primary" />
                      <button className={button}>Make primary</button>
                    </form>
                  )}
                  <form action={imageAction}>
                    <input type="hidden" name="productId" value={product.id} />
                    <input type="hidden" name="imageId" value={image.id} />
                    <input type="hidden" name="do" value="remove" />
                    <button className={button}>Remove</button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
        <ImageUploadForm productId={product.id} maxMegabytes={MAX_IMAGE_BYTES / 1048576} />
      </section>

      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="font-semibold">
          History
        </h2>
        {audit.length === 0 ? (
          <p className="text-sm text-stone-600">No changes recorded yet.</p>
        ) : (
          <ol
            className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white text-sm"
            data-testid="audit-log"
          >
            {audit.map((entry) => (
              <li key={entry.id} className="p-3">
                <p>
                  <strong>{entry.action.replace(/_/g, " ")}</strong> by {entry.actor}{" "}
                  <span className="text-stone-500">· {text.time(entry.createdAt, { seconds: true })}</span>
                </p>
                {entry.action !== "create" && (
                  <ul className="mt-1 list-inside list-disc break-all text-stone-600">
                    {describeChanges(entry.changes).map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
