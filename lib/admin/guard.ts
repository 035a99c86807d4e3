// Who is the admin, from the session cookie. Every admin page, action and API route calls
// requireAdmin() or adminApiRefusal() itself (a layout alone does not guard a page).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "../env";
import { isHttpsRequest } from "../https";
import { ADMIN_COOKIE, readSession, SESSION_HOURS, signSession, type AdminSession } from "./session";

/** Sandbox mode with no admin configured: this documented development login works. */
export const DEV_ADMIN = { email: "admin@example.com", password: "sandbox-admin" } as const;

export type AdminLogin = { email: string; passwordHash: string } | { email: string; devPassword: string };

/** The configured admin, the development login in sandbox mode, or null (back office off). */
export function adminLogin(): AdminLogin | null {
  const env = getEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD_HASH)
    return { email: env.ADMIN_EMAIL, passwordHash: env.ADMIN_PASSWORD_HASH };
  if (env.paymentMode === "sandbox") return { email: DEV_ADMIN.email, devPassword: DEV_ADMIN.password };
  return null;
}

export async function currentAdmin(): Promise<AdminSession | null> {
  const session = readSession((await cookies()).get(ADMIN_COOKIE)?.value, getEnv().sessionSecret);
  // Only for the admin configured now: changing ADMIN_EMAIL ends older sessions.
  return session && session.email === adminLogin()?.email ? session : null;
}

export async function requireAdmin(): Promise<AdminSession> {
  const session = await currentAdmin();
  if (!session) redirect("/admin/login");
  return session;
}

export async function adminApiRefusal(): Promise<Response | null> {
  return (await currentAdmin()) ? null : Response.json({ error: "log in to the back office first" }, { status: 401 });
}

export async function startAdminSession(email: string): Promise<void> {
  const expiresAt = Date.now() + SESSION_HOURS * 3_600_000;
  (await cookies()).set(ADMIN_COOKIE, signSession({ email, expiresAt }, getEnv().sessionSecret), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttpsRequest(),
    path: "/",
    expires: new Date(expiresAt),
  });
}

export async function endAdminSession(): Promise<void> {
  (await cookies()).delete(ADMIN_COOKIE);
}
