// The backoff of reconciliation (pure) and the bounded pass every background job runs in.
import { describe, expect, it } from "vitest";
import { runPass } from "@/lib/jobs/pass";
import {
  CHECK_STEPS_MS,
  expiryDueAt,
  firstCheckAt,
  leaseUntil,
  LEASE_MS,
  nextCheckAt,
  nextRefundAttemptAt,
} from "@/lib/orders/schedule";

const t0 = new Date("2026-12-01T10:00:00.000Z");
const min = (n: number) => n * 60_000;
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe("payment checks", () => {
  it("first a minute after creation, then 2, 5, 10 and 30 minutes apart", () => {
    expect(firstCheckAt(t0)).toEqual(plus(min(1)));
    const noTimeout = { expiresAt: null };
    expect(
      [1, 2, 3, 4, 5, 9].map((checks) => nextCheckAt({ ...noTimeout, checks }, t0).getTime() - t0.getTime()),
    ).toEqual([min(2), min(5), min(10), min(30), min(30), min(30)]);
    expect(CHECK_STEPS_MS.at(-1)).toBe(min(30));
  });

  it("never past the grace check after the attempt's timeout while that is ahead", () => {
    const expiresAt = plus(min(30));
    expect(expiryDueAt(expiresAt)).toEqual(plus(min(32)));
    // At 18 min, the 30-minute step would pass 32: the grace check comes first.
    expect(nextCheckAt({ checks: 4, expiresAt }, plus(min(18)))).toEqual(plus(min(32)));
    // After the grace check, the ordinary step again (the gateway could not be asked).
    expect(nextCheckAt({ checks: 5, expiresAt }, plus(min(33)))).toEqual(plus(min(63)));
  });

  it("scales for tests; the lease never does", () => {
    expect(nextCheckAt({ checks: 1, expiresAt: null }, t0, 0.001)).toEqual(plus(120));
    expect(leaseUntil(t0)).toEqual(plus(LEASE_MS));
  });
});

describe("refund resends", () => {
  it("1, 2, 5, 10, 30 minutes, then hourly", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => nextRefundAttemptAt(n, t0).getTime() - t0.getTime())).toEqual(
      [1, 2, 5, 10, 30, 60, 60].map(min),
    );
  });
});

describe("runPass", () => {
  const queue = (n: number) => {
    const items = Array.from({ length: n }, (_, i) => i);
    return async () => items.shift() ?? null;
  };

  it("works every item once with at most `concurrency` at a time", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const result = await runPass(
      { budgetMs: 5_000, concurrency: 3, limit: 100 },
      queue(10),
      async (item) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(item);
        inFlight--;
      },
      () => {},
    );
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
    expect(result).toMatchObject({ taken: 10, outOfTime: false });
  });

  it("stops at its limit", async () => {
    const result = await runPass(
      { budgetMs: 5_000, concurrency: 2, limit: 4 },
      queue(10),
      async () => {},
      () => {},
    );
    expect(result.taken).toBe(4);
  });

  it("returns within its budget when the work hangs, its signal stopping the work", async () => {
    const started = Date.now();
    const result = await runPass(
      { budgetMs: 300, concurrency: 2, limit: 100 },
      queue(10),
      (_item, signal) => new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve())),
      () => {},
    );
    // Stopped at 90 % of the budget; the margin is for a slow machine, not for the pass.
    expect(Date.now() - started).toBeLessThan(300 + 400);
    expect(result).toMatchObject({ taken: 2, outOfTime: true });
  });

  it("a failing item is reported and the pass goes on", async () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    await runPass(
      { budgetMs: 5_000, concurrency: 1, limit: 100 },
      queue(3),
      async (item) => {
        if (item === 1) throw new Error("boom");
        done.push(item);
      },
      (error) => errors.push(error),
    );
    expect(done).toEqual([0, 2]);
    expect(errors).toHaveLength(1);
  });
});

describe("reconciliation's health on the dashboard", () => {
  const day = 86_400_000;
  it("late once no pass came for longer than the schedule allows", async () => {
    const { allowedGapMs, reconcileState } = await import("@/lib/admin/background");
    expect(allowedGapMs(60_000)).toBe(6 * 60_000);
    expect(allowedGapMs(day)).toBe(1.5 * day);
    expect(reconcileState(plus(-min(5)), null, t0, 60_000)).toBe("ok");
    expect(reconcileState(plus(-min(7)), null, t0, 60_000)).toBe("late");
    expect(reconcileState(plus(-day), null, t0, day)).toBe("ok");
    expect(reconcileState(plus(-2 * day), null, t0, day)).toBe("late");
  });
  it("never: no pass yet while a payment has waited longer than that", async () => {
    const { reconcileState } = await import("@/lib/admin/background");
    expect(reconcileState(null, null, t0, 60_000)).toBe("ok");
    expect(reconcileState(null, plus(-min(3)), t0, 60_000)).toBe("ok");
    expect(reconcileState(null, plus(-min(10)), t0, 60_000)).toBe("never");
  });
  it("behind: the last pass, on time, left work due", async () => {
    const { reconcileState } = await import("@/lib/admin/background");
    expect(reconcileState(plus(-min(1)), null, t0, 60_000, 8_000)).toBe("behind");
    expect(reconcileState(plus(-min(10)), null, t0, 60_000, 8_000)).toBe("late");
  });
});
