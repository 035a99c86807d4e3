// The sandbox mailbox's queries on a real database: newest first, the recipient filter, the
// topic from the outbox message a mail was sent for, one mail, and clearing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearSandboxMail, getSandboxMail, listSandboxMail, mailboxFiltersSchema } from "@/lib/sandbox/mailbox";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

async function mail(to: string, subject: string, minutesAgo: number, outboxId: string | null = null) {
  return db.sandboxMail.create({
    data: {
      messageId: `<${subject}@sandbox.example>`,
      from: "shop@sandbox.example",
      to,
      subject,
      html: "<p>x</p>",
      text: "x",
      raw: `Subject: ${subject}\r\n\r\nx`,
      outboxId,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}

describe("the sandbox mailbox", () => {
  it("lists newest first with the outbox topic, filters by recipient, opens one, clears", async () => {
    const message = await db.outboxMessage.create({
      data: {
        channel: "email",
        audience: "customer",
        topic: "order.shipped",
        dedupeKey: "k1",
        payload: {},
        status: "sent",
      },
    });
    const old = await mail("Chan <chan@example.com>", "first", 10, message.id);
    const newer = await mail("boss@shop.example", "second", 5);
    const gone = await mail("chan@example.com", "third", 1, "no-such-outbox-message");

    const all = await listSandboxMail(db, mailboxFiltersSchema.parse({}));
    expect(all.rows.map((r) => r.subject)).toEqual(["third", "second", "first"]);
    expect(all.rows.map((r) => r.topic)).toEqual([null, null, "order.shipped"]);
    expect(all.count).toBe(3);

    const chan = await listSandboxMail(db, mailboxFiltersSchema.parse({ to: "CHAN@example" }));
    expect(chan.rows.map((r) => r.id)).toEqual([gone.id, old.id]);

    expect(await getSandboxMail(db, old.id)).toMatchObject({ subject: "first", topic: "order.shipped" });
    expect(await getSandboxMail(db, newer.id)).toMatchObject({ subject: "second", topic: null });
    expect(await getSandboxMail(db, "nope")).toBeNull();
    expect(await getSandboxMail(db, "../x")).toBeNull();

    expect(await clearSandboxMail(db)).toBe(3);
    expect((await listSandboxMail(db, mailboxFiltersSchema.parse({}))).count).toBe(0);
  });
});
