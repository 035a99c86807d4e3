// Whether the current request reached us over HTTPS, for the Secure flag of cookies.
import { headers } from "next/headers";
import { getEnv } from "./env";

/** By APP_URL, or by the proxy's x-forwarded-proto (Vercel sets it). */
export async function isHttpsRequest(): Promise<boolean> {
  if (getEnv().appUrl.startsWith("https:")) return true;
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
