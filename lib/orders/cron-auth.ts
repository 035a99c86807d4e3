// Who may call the cron routes: with CRON_SECRET set, only `Authorization: Bearer ${CRON_SECRET}`
// (the Vercel Cron convention); in sandbox mode without it, anyone. Real ScanForPay
// credentials without CRON_SECRET are refused at start-up (lib/env.ts); the refusal below
// stays as a second lock.
import { getEnv } from "../env";
import { safeEqual } from "../safe-equal";

export function cronRefusal(request: Request): Response | null {
  const env = getEnv();
  const secret = env.CRON_SECRET;
  if (secret)
    return safeEqual(request.headers.get("authorization") ?? "", `Bearer ${secret}`)
      ? null
      : Response.json({ error: "unauthorised" }, { status: 401 });
  if (env.paymentMode === "production")
    return Response.json({ error: "set CRON_SECRET to call cron routes in production" }, { status: 401 });
  return null;
}
