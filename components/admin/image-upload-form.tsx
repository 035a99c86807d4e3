"use client";
import { useState } from "react";

/**
 * The image upload: a plain multipart form posted to /api/admin/products/{id}/images, which
 * answers back to the product's page (so it works before JavaScript loads too). With
 * JavaScript, the button says it is uploading and cannot be pressed twice.
 */
export function ImageUploadForm({ productId, maxMegabytes }: { productId: string; maxMegabytes: number }) {
  const [busy, setBusy] = useState(false);
  return (
    <form
      action={`/api/admin/products/${productId}/images`}
      method="post"
      encType="multipart/form-data"
      onSubmit={() => setBusy(true)}
      className="flex flex-wrap items-end gap-3 border-t border-stone-100 pt-3 text-sm"
    >
      <label className="flex flex-col font-medium">
        Add an image
        <span className="font-normal text-stone-500">PNG, JPEG, WebP or SVG, at most {maxMegabytes} MB</span>
        <input
          type="file"
          name="image"
          required
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          className="mt-1"
        />
      </label>
      <label className="flex flex-col font-medium">
        Description for screen readers (alt)
        <input name="alt" maxLength={200} className="mt-1 rounded-lg border border-stone-300 px-2 py-1.5" />
      </label>
      <button
        disabled={busy}
        aria-busy={busy || undefined}
        className="rounded-lg bg-stone-900 px-3 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60"
      >
        {busy ? "Uploading…" : "Upload"}
      </button>
    </form>
  );
}
