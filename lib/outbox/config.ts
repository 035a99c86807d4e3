// What the outbox writes besides the customer's own mail, from the environment.
import { getEnv, type Env } from "../env";
import type { OutboxConfig } from "./topics";

export function outboxConfigOf(env: Pick<Env, "mail">): OutboxConfig {
  return { merchant: env.mail.merchantEmail !== null, webhook: env.mail.webhook !== null };
}

export function outboxConfig(): OutboxConfig {
  return outboxConfigOf(getEnv());
}
