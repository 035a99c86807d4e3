// Every environment variable the app reads, validated once with zod.
// With none set, the shop runs in sandbox mode on the embedded database.
// `.env.example` documents each variable; keep the two in step.
import { z } from "zod";
import { timeoutRuleMs } from "./scanforpay/timeout-rule";

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/shop",
});

const httpUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
  message: "must be an http(s) URL such as https://shop.example.com",
});

/** A bare host name as Vercel gives it (no scheme), e.g. my-shop-git-main-me.vercel.app. */
const hostName = z
  .string()
  .regex(/^[a-z0-9.-]+(:\d+)?$/i, { message: "must be a host name such as my-shop.vercel.app" });

const wholeNumber = (what: string, min: number, max: number) =>
  z.string().refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
    message: `must be a whole number of ${what} (${min} to ${max})`,
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(postgresUrl),
    APP_URL: optional(httpUrl),
    /** Set by scripts/with-dev-db.mjs when it serves the embedded database. */
    EMBEDDED_DATABASE: optional(z.enum(["1"])),
    SESSION_SECRET: optional(
      z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" }),
    ),
    SCANFORPAY_API_BASE: optional(httpUrl),
    SCANFORPAY_PARTNER_NO: optional(
      z.string().regex(/^\d{1,15}$/, { message: "must be your ScanForPay partner number (digits, at most 15)" }),
    ),
    SCANFORPAY_STORE_NO: optional(
      z.string().regex(/^\d{1,15}$/, { message: "must be your ScanForPay store number (digits, at most 15)" }),
    ),
    SCANFORPAY_SIGN_KEY: optional(z.string().min(1)),
    // At most 30 s: three tries of a Pay Query or a refund then fit well inside reconciliation's 5-minute lease.
    SCANFORPAY_TIMEOUT_MS: optional(wholeNumber("milliseconds, e.g. 10000", 100, 30_000)),
    SANDBOX_ENABLED: optional(z.enum(["true", "false"], { message: 'must be "true" or "false"' })),
    SANDBOX_NOTIFY_DELAY_SCALE: optional(
      z.string().refine((v) => /^\d+(\.\d+)?$/.test(v), {
        message: "must be a number such as 1 (real delays) or 0.001 (tests)",
      }),
    ),
    CHECKOUT_TIMEOUT: optional(
      z.string().regex(/^[1-9]\d{0,8}[mhd]$/, { message: "must be a whole number and m, h or d, e.g. 30m or 2h" }),
    ),
    ADMIN_EMAIL: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: "must be an email address" })),
    ),
    ADMIN_PASSWORD_HASH: optional(
      z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, {
        message: "must be a hash printed by `npm run admin:hash`",
      }),
    ),
    CRON_SECRET: optional(z.string().min(16, { message: "must be at least 16 characters" })),
    /** Direct (non-pooled) URLs for migrations; read by prisma.config.ts, validated here. */
    DIRECT_URL: optional(postgresUrl),
    DATABASE_URL_UNPOOLED: optional(postgresUrl),
    POSTGRES_URL_NON_POOLING: optional(postgresUrl),
    /** Set by Vercel on every build and function. */
    VERCEL: optional(z.string()),
    VERCEL_ENV: optional(z.string()),
    VERCEL_URL: optional(hostName),
    VERCEL_PROJECT_PRODUCTION_URL: optional(hostName),
    /** 1: no in-process timers or workers (on by itself on Vercel; 0 turns it off there). */
    SERVERLESS: optional(z.enum(["1", "0"], { message: 'must be "1" or "0"' })),
    RECONCILE_BUDGET_MS: optional(wholeNumber("milliseconds, e.g. 20000", 100, 600_000)),
    RECONCILE_CONCURRENCY: optional(wholeNumber("gateway calls at once, e.g. 4", 1, 32)),
    RECONCILE_INTERVAL: optional(
      z.string().regex(/^[1-9]\d{0,5}[mhd]$/, {
        message:
          "must be a whole number and m, h or d: how often your scheduler calls /api/cron/reconcile, e.g. 1m or 1d",
      }),
    ),
    RECONCILE_DELAY_SCALE: optional(
      z.string().refine((v) => /^\d+(\.\d+)?$/.test(v), {
        message: "must be a number such as 1 (real delays) or 0.001 (tests)",
      }),
    ),
    /** The shop's name in mail subjects and signatures. */
    SHOP_NAME: optional(z.string().trim().min(1).max(80, { message: "must be at most 80 characters" })),
    /** SMTP for order mail, e.g. smtps://user:pass@smtp.example.com:465; unset: the sandbox mailbox (/sandbox/mail). */
    SMTP_URL: optional(
      z.string().refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol), {
        message: "must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.com:465",
      }),
    ),
    MAIL_FROM: optional(
      z.string().refine((v) => /^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(v.trim()), {
        message: 'must be an address such as shop@example.com or "Tea Shop <shop@example.com>"',
      }),
    ),
    MERCHANT_EMAIL: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email({ message: "must be an email address" })),
    ),
    ORDER_WEBHOOK_URL: optional(httpUrl),
    ORDER_WEBHOOK_SECRET: optional(
      z.string().min(16, { message: "must be at least 16 characters (try: openssl rand -hex 32)" }),
    ),
    /** Scales the outbox's retry delays (1 min, 5 min, 15 min …). 0.001 in tests. */
    OUTBOX_DELAY_SCALE: optional(
      z.string().refine((v) => /^\d+(\.\d+)?$/.test(v), {
        message: "must be a number such as 1 (real delays) or 0.001 (tests)",
      }),
    ),
  })
  .superRefine((value, ctx) => {
    const credentials = ["SCANFORPAY_PARTNER_NO", "SCANFORPAY_STORE_NO", "SCANFORPAY_SIGN_KEY"] as const;
    const set = credentials.filter((name) => value[name] !== undefined);
    if (set.length > 0 && set.length < credentials.length) {
      for (const name of credentials.filter((n) => value[n] === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `is required once ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set (set all three ScanForPay credentials, or none for sandbox mode)`,
        });
      }
    }
    if ((value.ADMIN_EMAIL === undefined) !== (value.ADMIN_PASSWORD_HASH === undefined)) {
      const missing = value.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD_HASH";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required too: set ADMIN_EMAIL and ADMIN_PASSWORD_HASH together",
      });
    }
    // What would break a deployed shop is refused by name, not discovered at the first order.
    const real = set.length === credentials.length;
    const onVercel = isOnVercel(value);
    if (value.DATABASE_URL === undefined && onVercel) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message:
          "is required on Vercel, where the embedded database cannot run: add a PostgreSQL (Vercel → Storage → Neon sets it), or set it to your database's pooled URL",
      });
    } else if (
      real &&
      (value.DATABASE_URL === undefined || (value.EMBEDDED_DATABASE === "1" && value.NODE_ENV === "production"))
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message:
          "is required with real ScanForPay credentials in production: set it to your PostgreSQL (the embedded database is for development and tests)",
      });
    }
    if (value.APP_URL === undefined && !derivedAppUrl(value) && (onVercel || real)) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: onVercel
          ? "is required: Vercel set neither VERCEL_PROJECT_PRODUCTION_URL nor VERCEL_URL to derive it from (set APP_URL to your shop's https URL)"
          : "is required with real ScanForPay credentials: your shop's public https URL, e.g. https://shop.example.com (ScanForPay sends the notify and the customer back there)",
      });
    }
    if (onVercel && value.SESSION_SECRET === undefined && !real) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message:
          "is required on Vercel, even in sandbox mode: without it cookies are signed with a development value that is public (try: openssl rand -hex 32)",
      });
    }
    if (isServerless(value) && value.RECONCILE_BUDGET_MS !== undefined && Number(value.RECONCILE_BUDGET_MS) > 50_000) {
      ctx.addIssue({
        code: "custom",
        path: ["RECONCILE_BUDGET_MS"],
        message: "must be at most 50000 in serverless mode: the cron route may run for 60 s",
      });
    }
    if (value.ORDER_WEBHOOK_URL !== undefined && value.ORDER_WEBHOOK_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["ORDER_WEBHOOK_SECRET"],
        message:
          "is required with ORDER_WEBHOOK_URL: it signs each webhook so your system can tell it came from the shop (try: openssl rand -hex 32)",
      });
    }
    if (value.SMTP_URL !== undefined && value.MAIL_FROM === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: 'is required with SMTP_URL: the sender of order mail, e.g. "Tea Shop <orders@shop.example.com>"',
      });
    }
    if (real && value.CRON_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["CRON_SECRET"],
        message:
          "is required with real ScanForPay credentials: it lets Vercel Cron (or your scheduler) call /api/cron/reconcile, which settles payments whose notify was lost (try: openssl rand -hex 32)",
      });
    }
    if (value.ADMIN_EMAIL !== undefined && value.SESSION_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required with ADMIN_EMAIL: it signs the back office's sessions (try: openssl rand -hex 32)",
      });
    } else if (set.length === credentials.length && value.SESSION_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required when real ScanForPay credentials are set (try: openssl rand -hex 32)",
      });
    }
  });

export type RawEnv = z.infer<typeof schema>;

/**
 * Running on Vercel (a build or a function): VERCEL=1, unless VERCEL_ENV says development,
 * as in a `.env.local` written by `vercel env pull` or under `vercel dev` (a laptop).
 */
function isOnVercel(raw: Pick<RawEnv, "VERCEL" | "VERCEL_ENV">): boolean {
  return raw.VERCEL === "1" && raw.VERCEL_ENV !== "development";
}

/** No in-process timers: SERVERLESS=1, or on Vercel unless SERVERLESS=0. */
function isServerless(raw: Pick<RawEnv, "VERCEL" | "VERCEL_ENV" | "SERVERLESS">): boolean {
  return raw.SERVERLESS === "1" || (isOnVercel(raw) && raw.SERVERLESS !== "0");
}

/** APP_URL from Vercel's own variables: the production domain in production, else this deployment's URL. */
function derivedAppUrl(
  raw: Pick<RawEnv, "VERCEL" | "VERCEL_ENV" | "VERCEL_URL" | "VERCEL_PROJECT_PRODUCTION_URL">,
): { url: string; from: string } | null {
  if (!isOnVercel(raw)) return null;
  if (raw.VERCEL_ENV === "production" && raw.VERCEL_PROJECT_PRODUCTION_URL)
    return { url: `https://${raw.VERCEL_PROJECT_PRODUCTION_URL}`, from: "VERCEL_PROJECT_PRODUCTION_URL" };
  if (raw.VERCEL_URL) return { url: `https://${raw.VERCEL_URL}`, from: "VERCEL_URL" };
  return null;
}

export type Env = RawEnv & {
  /** "sandbox" unless all three ScanForPay credentials are configured. */
  paymentMode: "sandbox" | "production";
  /** Public base URL of the shop, without a trailing slash. */
  appUrl: string;
  /** Secret for signed cookies; a fixed development value in sandbox mode. */
  sessionSecret: string;
  /** The in-app sandbox gateway answers: always in sandbox mode, else only with SANDBOX_ENABLED=true. */
  sandboxEnabled: boolean;
  /** Multiplier for the sandbox's notify retry delays (1 = the real schedule). */
  sandboxNotifyDelayScale: number;
  /** Per-attempt timeout of calls to ScanForPay. */
  scanForPayTimeoutMs: number;
  /** No in-process timers or workers: background work runs from routes (Vercel, SERVERLESS=1). */
  serverless: boolean;
  /** Reconciliation: a pass's time budget, gateway calls at once, the scale of its delays, how often it is expected to run. */
  reconcile: { budgetMs: number; concurrency: number; delayScale: number; intervalMs: number };
  /**
   * Order mail and the webhook: how mail leaves ("smtp"; "sandbox": the /sandbox/mail mailbox,
   * in sandbox mode; "none": real credentials without SMTP, messages are kept as failed
   * for the back office to send again once SMTP_URL is set), who gets what.
   */
  mail: {
    transport: "smtp" | "sandbox" | "none";
    from: string;
    shopName: string;
    /** Where merchant alerts go: MERCHANT_EMAIL, else ADMIN_EMAIL, else (sandbox mailbox only) a sandbox address. */
    merchantEmail: string | null;
    webhook: { url: string; secret: string } | null;
    delayScale: number;
  };
  /** What was decided for the merchant and should be said once in the log (a derived APP_URL). */
  notices: string[];
};

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Merchant alerts in the sandbox mailbox when no MERCHANT_EMAIL (or ADMIN_EMAIL) is set. */
export const SANDBOX_MERCHANT_EMAIL = "merchant@sandbox.example";

/** Signs the sandbox's own webhook (sent to /sandbox/webhook/receive); never used with a real ORDER_WEBHOOK_URL. */
export const SANDBOX_WEBHOOK_SECRET = "sandbox-webhook-secret-not-for-production";

/** Development-only cookie secret: sandbox mode never takes real money. */
const SANDBOX_SESSION_SECRET = "sandbox-only-secret-do-not-use-with-real-payments";

/**
 * What a problem line may show of the value: nothing for secrets, only the scheme of a URL
 * (URLs carry passwords and API keys), short plain values in full.
 */
function shownValue(name: string, raw: string | undefined): string {
  if (raw === undefined || /SECRET|KEY|PASSWORD|TOKEN/.test(name)) return "";
  if (name.endsWith("_URL") || name.endsWith("_BASE")) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
    return scheme ? ` (got a "${scheme}:" URL)` : " (got something that is not a URL)";
  }
  return ` (got "${raw.length > 40 ? `${raw.slice(0, 37)}...` : raw}")`;
}

/** Validates a set of variables (pure: pass `process.env` or a test's own record). */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return `${name} ${issue.message}${shownValue(name, source[name])}`;
    });
    return { ok: false, problems };
  }
  const raw = result.data;
  const paymentMode = raw.SCANFORPAY_SIGN_KEY ? "production" : "sandbox";
  const serverless = isServerless(raw);
  const derived = raw.APP_URL === undefined ? derivedAppUrl(raw) : null;
  const sandboxEnabled = paymentMode === "sandbox" || raw.SANDBOX_ENABLED === "true";
  const appUrl = (raw.APP_URL ?? derived?.url ?? "http://localhost:3000").replace(/\/+$/, "");
  const notices = derived
    ? [`APP_URL is not set: using ${derived.url} from ${derived.from} (set APP_URL to use your own domain)`]
    : [];
  if (paymentMode === "production" && !raw.SMTP_URL)
    notices.push(
      "SMTP_URL is not set: order mail is not sent (the back office lists it, to send once SMTP_URL and MAIL_FROM are set)",
    );
  return {
    ok: true,
    env: {
      ...raw,
      paymentMode,
      appUrl,
      serverless,
      reconcile: {
        budgetMs: raw.RECONCILE_BUDGET_MS === undefined ? 20_000 : Number(raw.RECONCILE_BUDGET_MS),
        concurrency: raw.RECONCILE_CONCURRENCY === undefined ? 4 : Number(raw.RECONCILE_CONCURRENCY),
        delayScale: raw.RECONCILE_DELAY_SCALE === undefined ? 1 : Number(raw.RECONCILE_DELAY_SCALE),
        // vercel.json as shipped runs it daily (Hobby); a long-running server every 30 s.
        intervalMs:
          raw.RECONCILE_INTERVAL !== undefined
            ? timeoutRuleMs(raw.RECONCILE_INTERVAL)
            : serverless
              ? 86_400_000
              : 60_000,
      },
      notices,
      mail: {
        // The sandbox mailbox only in sandbox mode: next to real credentials (a staging site
        // with SANDBOX_ENABLED=true) mail may be a real customer's, and is kept to send once SMTP is set.
        transport: raw.SMTP_URL ? "smtp" : paymentMode === "sandbox" ? "sandbox" : "none",
        from: raw.MAIL_FROM?.trim() ?? `${raw.SHOP_NAME ?? "ScanForPay Storefront"} <shop@sandbox.example>`,
        shopName: raw.SHOP_NAME ?? "ScanForPay Storefront",
        merchantEmail:
          raw.MERCHANT_EMAIL ??
          raw.ADMIN_EMAIL ??
          (!raw.SMTP_URL && paymentMode === "sandbox" ? SANDBOX_MERCHANT_EMAIL : null),
        // In sandbox mode with no webhook of its own, the shop's events go to the sandbox's receiver (/sandbox/webhook).
        webhook:
          raw.ORDER_WEBHOOK_URL && raw.ORDER_WEBHOOK_SECRET
            ? { url: raw.ORDER_WEBHOOK_URL, secret: raw.ORDER_WEBHOOK_SECRET }
            : paymentMode === "sandbox"
              ? { url: `${appUrl}/sandbox/webhook/receive`, secret: SANDBOX_WEBHOOK_SECRET }
              : null,
        delayScale: raw.OUTBOX_DELAY_SCALE === undefined ? 1 : Number(raw.OUTBOX_DELAY_SCALE),
      },
      sessionSecret: raw.SESSION_SECRET ?? SANDBOX_SESSION_SECRET,
      sandboxEnabled,
      sandboxNotifyDelayScale:
        raw.SANDBOX_NOTIFY_DELAY_SCALE === undefined ? 1 : Number(raw.SANDBOX_NOTIFY_DELAY_SCALE),
      scanForPayTimeoutMs: raw.SCANFORPAY_TIMEOUT_MS === undefined ? 10_000 : Number(raw.SCANFORPAY_TIMEOUT_MS),
    },
  };
}

/** The message printed when the environment is wrong: one line a problem, no stack. */
export function describeProblems(problems: string[]): string {
  return [
    `Configuration error: ${problems.length} environment variable${problems.length > 1 ? "s need" : " needs"} fixing (see .env.example):`,
    ...problems.map((p) => `  - ${p}`),
  ].join("\n");
}

let cached: Env | undefined;

/** The validated environment. Throws one readable error if it is wrong. */
export function getEnv(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) throw new Error(describeProblems(result.problems));
  return (cached = result.env);
}

/**
 * Called at start-up (next.config.ts, so `next dev`, `next build` and `next start`):
 * prints the problems and exits instead of failing later with a stack trace.
 */
export function assertEnvAtStartup(): void {
  const result = parseEnv(process.env);
  if (!result.ok) {
    console.error(describeProblems(result.problems));
    process.exit(1);
  }
  for (const notice of result.env.notices) console.warn(`[config] ${notice}`);
}
