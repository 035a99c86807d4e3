import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AdminLoginForm } from "@/components/admin/login-form";
import { adminLogin, currentAdmin, DEV_ADMIN } from "@/lib/admin/guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Back office · Log in" }, robots: { index: false } };

export default async function AdminLoginPage() {
  if (await currentAdmin()) redirect("/admin");
  const login = adminLogin();
  const hint =
    login && "devPassword" in login
      ? `Sandbox mode: log in as ${DEV_ADMIN.email} / ${DEV_ADMIN.password}. Set ADMIN_EMAIL and ADMIN_PASSWORD_HASH for a real shop.`
      : null;
  return (
    <main className="mx-auto w-full max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-bold">Back office</h1>
      <div className="rounded-2xl border border-stone-200 bg-white p-6">
        <AdminLoginForm hint={hint} />
      </div>
    </main>
  );
}
