// Every environment variable the app reads, validated once with zod.
// With none set, the shop runs in sandbox mode on the embedded database.
// `.env.example` documents each variable; keep the two in step.
import { z } from "zod";

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/shop",
  });

const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: "must be an http(s) URL such as https://shop.example.com",
  });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(postgresUrl),
    APP_URL: optional(httpUrl),
    /** Set by scripts/with-dev-db.mjs when it serves the embedded database. */
    EMBEDDED_DATABASE: optional(z.enum(["1"])),
    SESSION_SECRET: optional(z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" })),
    SCANFORPAY_API_BASE: optional(httpUrl),
    SCANFORPAY_PARTNER_NO: optional(z.string().regex(/^\d{1,15}$/, { message: "must be your ScanForPay partner number (digits, at most 15)" })),
    SCANFORPAY_STORE_NO: optional(z.string().regex(/^\d{1,15}$/, { message: "must be your ScanForPay store number (digits, at most 15)" })),
    SCANFORPAY_SIGN_KEY: optional(z.string().min(1)),
    SCANFORPAY_TIMEOUT_MS: optional(z.string().regex(/^\d+$/, { message: "must be a whole number of milliseconds, e.g. 10000" })),
    SANDBOX_ENABLED: optional(z.enum(["true", "false"], { message: 'must be "true" or "false"' })),
    SANDBOX_NOTIFY_DELAY_SCALE: optional(
      z.string().refine((v) => /^\d+(\.\d+)?$/.test(v), { message: "must be a number such as 1 (real delays) or 0.001 (tests)" }),
    ),
    CHECKOUT_TIMEOUT: optional(z.string().regex(/^[1-9]\d{0,8}[mhd]$/, { message: "must be a whole number and m, h or d, e.g. 30m or 2h" })),
    ADMIN_EMAIL: optional(z.string().trim().toLowerCase().pipe(z.email({ message: "must be an email address" }))),
    ADMIN_PASSWORD_HASH: optional(z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/, { message: "must be a hash printed by `npm run admin:hash`" })),
    CRON_SECRET: optional(z.string().min(16, { message: "must be at least 16 characters" })),
  })
  .superRefine((value, ctx) => {
    const credentials = ["SCANFORPAY_PARTNER_NO", "SCANFORPAY_STORE_NO", "SCANFORPAY_SIGN_KEY"] as const;
    const set = credentials.filter((name) => value[name] !== undefined);
    if (set.length > 0 && set.length < credentials.length) {
      for (const name of credentials.filter((n) => value[n] === undefined)) {
        ctx.addIssue({ code: "custom", path: [name], message: `is required once ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set (set all three ScanForPay credentials, or none for sandbox mode)` });
      }
    }
    if ((value.ADMIN_EMAIL === undefined) !== (value.ADMIN_PASSWORD_HASH === undefined)) {
      const missing = value.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD_HASH";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required too: set ADMIN_EMAIL and ADMIN_PASSWORD_HASH together" });
    }
    if (value.ADMIN_EMAIL !== undefined && value.SESSION_SECRET === undefined) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required with ADMIN_EMAIL: it signs the back office's sessions (try: openssl rand -hex 32)" });
    } else if (set.length === credentials.length && value.SESSION_SECRET === undefined) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when real ScanForPay credentials are set (try: openssl rand -hex 32)" });
    }
  });

export type RawEnv = z.infer<typeof schema>;

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
};

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

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
  return {
    ok: true,
    env: {
      ...raw,
      paymentMode,
      appUrl: (raw.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
      sessionSecret: raw.SESSION_SECRET ?? SANDBOX_SESSION_SECRET,
      sandboxEnabled: paymentMode === "sandbox" || raw.SANDBOX_ENABLED === "true",
      sandboxNotifyDelayScale: raw.SANDBOX_NOTIFY_DELAY_SCALE === undefined ? 1 : Number(raw.SANDBOX_NOTIFY_DELAY_SCALE),
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
}
