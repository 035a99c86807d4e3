// The orders domain as this app runs it: its database, ScanForPay from env, its public URL.
import { prisma } from "../db";
import { getEnv } from "../env";
import { scanForPayConfig } from "../scanforpay/config";
import { createGateway, type OrdersDeps } from "./gateway";

export function appOrdersDeps(): OrdersDeps {
  const env = getEnv();
  return { db: prisma, gateway: createGateway(prisma, { config: scanForPayConfig(env), appUrl: env.appUrl, timeoutRule: env.CHECKOUT_TIMEOUT ?? "30m" }) };
}
