// Reading and writing the cart cookie of the current request (server only).
import { cookies } from "next/headers";
import { getEnv } from "../env";
import { isHttpsRequest } from "../https";
import { CART_COOKIE, decodeCart, encodeCart, type CartLine } from "./cookie";

const THIRTY_DAYS = 60 * 60 * 24 * 30;

export async function readCart(): Promise<CartLine[]> {
  const store = await cookies();
  return decodeCart(store.get(CART_COOKIE)?.value, getEnv().sessionSecret);
}

/** Only usable in a server action or route handler (where cookies may be set). */
export async function writeCart(lines: readonly CartLine[]): Promise<void> {
  const store = await cookies();
  if (lines.length === 0) {
    store.delete(CART_COOKIE);
    return;
  }
  store.set(CART_COOKIE, encodeCart(lines, getEnv().sessionSecret), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttpsRequest(),
    path: "/",
    maxAge: THIRTY_DAYS,
  });
}
