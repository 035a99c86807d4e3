"use server";
// The back office's catalogue forms. Each action checks the admin session, reads its form
// through lib/catalog/admin (zod-checked, a message per field) and writes through it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { parseCategoryForm, parseProductForm, type FieldErrors } from "@/lib/catalog/admin/input";
import {
  createProduct,
  makeImagePrimary,
  moveProduct,
  removeImage,
  saveCategory,
  setProductActive,
  updateProduct,
} from "@/lib/catalog/admin/products";
import { prisma } from "@/lib/db";
import { asForm } from "@/lib/forms";

export type CatalogFormState = {
  errors: FieldErrors;
  /** What was typed, shown again after a refusal. */
  values?: Record<string, string | string[]>;
  message?: string | null;
};

const idOf = (form: FormData, name = "id") => {
  const value = form.get(name);
  return typeof value === "string" && /^[a-z0-9]{1,40}$/.test(value) ? value : null;
};

function typed(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    if (name === "categories") values[name] = [...((values[name] as string[]) ?? []), value];
    else values[name] = value.slice(0, 5000);
  }
  return values;
}

function refreshShop(): void {
  revalidatePath("/", "layout");
}

export async function saveProductAction(_previous: CatalogFormState, rawForm: FormData): Promise<CatalogFormState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const parsed = parseProductForm(form);
  if (!parsed.ok) return { errors: parsed.errors, values: typed(form) };
  const id = idOf(form);
  const result = id
    ? await updateProduct(prisma, admin.email, id, parsed.value)
    : await createProduct(prisma, admin.email, parsed.value);
  if (!result.ok) return { errors: result.errors, values: typed(form) };
  refreshShop();
  const savedId = "product" in result.value ? result.value.product.id : result.value.id;
  redirect(`/admin/products/${savedId}?saved=${id ? "updated" : "created"}`);
}

export async function productStatusAction(rawForm: FormData): Promise<void> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const id = idOf(form);
  if (!id) return;
  await setProductActive(prisma, admin.email, id, form.get("active") === "true");
  refreshShop();
}

export async function moveProductAction(rawForm: FormData): Promise<void> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const id = idOf(form);
  const direction = form.get("direction");
  if (!id || (direction !== "up" && direction !== "down")) return;
  await moveProduct(prisma, admin.email, id, direction);
  refreshShop();
}

export async function imageAction(rawForm: FormData): Promise<void> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const productId = idOf(form, "productId");
  const imageId = idOf(form, "imageId");
  if (!productId || !imageId) return;
  if (form.get("do") === "remove") await removeImage(prisma, admin.email, productId, imageId);
  else if (form.get("do") === "primary") await makeImagePrimary(prisma, admin.email, productId, imageId);
  refreshShop();
}

export async function saveCategoryAction(_previous: CatalogFormState, rawForm: FormData): Promise<CatalogFormState> {
  const admin = await requireAdmin();
  const form = asForm(rawForm);
  const parsed = parseCategoryForm(form);
  if (!parsed.ok) return { errors: parsed.errors, values: typed(form) };
  const id = idOf(form);
  const result = await saveCategory(prisma, admin.email, id, parsed.value);
  if (!result.ok) return { errors: result.errors, values: typed(form) };
  refreshShop();
  return { errors: {}, message: id ? "Category saved." : `Category “${parsed.value.name}” created.` };
}
