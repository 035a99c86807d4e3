// A second app process for tests/integration/login-limits.test.ts: N wrong logins against the
// database at argv[2], with its own Prisma client and pool; prints the reasons as JSON.
import { PrismaPg } from "@prisma/adapter-pg";
import { attemptLogin } from "@/lib/admin/login";
import { PrismaClient } from "@/lib/generated/prisma/client";

async function main() {
  const [url, count, address] = process.argv.slice(2);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url! }) });
  const reasons: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    const result = await attemptLogin(
      db,
      { email: "boss@shop.example", devPassword: "the-right-one" },
      { email: "boss@shop.example", password: `process-guess-${i}`, address: address! },
      "s".repeat(32),
    );
    reasons.push(result.ok ? "ok" : result.reason);
  }
  await db.$disconnect();
  console.log(JSON.stringify(reasons));
}

void main();
