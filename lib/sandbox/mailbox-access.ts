// Who may open the sandbox mailbox: nobody when the sandbox is off (every /sandbox route is a
// 404 then); anyone in sandbox mode (no real customer exists); next to real credentials
// (SANDBOX_ENABLED=true on a staging site) only a logged-in admin, since mail there may be a
// real person's.
import { currentAdmin } from "../admin/guard";
import { getEnv } from "../env";

export async function mailboxOpen(): Promise<boolean> {
  const env = getEnv();
  if (!env.sandboxEnabled) return false;
  if (env.paymentMode === "sandbox") return true;
  return (await currentAdmin()) !== null;
}
