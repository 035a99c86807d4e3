// One bounded pass of background work, the shape every job here shares (reconciliation, the
// sandbox's notify delivery): a few workers, each claiming one item at a time from the
// database and working it, until nothing is due, the pass has taken its limit, or its time
// budget is spent. Claiming is the caller's conditional update (FOR UPDATE SKIP LOCKED or a
// lease), so any number of passes at once never take the same item; what a pass does not
// reach stays due for the next. Framework-free: a cron route, an in-process timer and the
// tests all call it the same way.

export type PassLimits = {
  /** Wall-clock budget of the pass, in milliseconds. */
  budgetMs: number;
  /** Items worked at once (gateway calls in flight). */
  concurrency: number;
  /** Items one pass takes at the most. */
  limit: number;
};

export type PassResult = { taken: number; outOfTime: boolean; elapsedMs: number };

/**
 * Runs workers until done or out of time. `signal` fires a little before the budget ends
 * (at 90 %): work under way should stop its outside calls then, so that what is left of the
 * budget covers writing down where each item stands.
 */
export async function runPass<T>(
  limits: PassLimits,
  claim: () => Promise<T | null>,
  work: (item: T, signal: AbortSignal) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<PassResult> {
  const started = Date.now();
  const stopAt = started + Math.floor(limits.budgetMs * 0.9);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, stopAt - Date.now()));
  let taken = 0;
  let outOfTime = false;
  const worker = async () => {
    for (;;) {
      if (Date.now() >= stopAt) {
        outOfTime = true;
        return;
      }
      if (taken >= limits.limit) return;
      taken++;
      let item: T | null;
      try {
        item = await claim();
      } catch (error) {
        taken--;
        onError(error);
        return;
      }
      if (item === null) {
        taken--;
        return;
      }
      try {
        await work(item, controller.signal);
      } catch (error) {
        // One item's failure (a lost connection, a bug) ends that item, not the pass; its
        // claim expires and a later pass takes it again.
        onError(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
  } finally {
    clearTimeout(timer);
  }
  return { taken, outOfTime: outOfTime || controller.signal.aborted, elapsedMs: Date.now() - started };
}
