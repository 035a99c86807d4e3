// ScanForPay's timeoutRule: a whole number and a unit, e.g. 90m, 12h, 3d (no decimals).

/** "30m" | "2h" | "1d" → milliseconds. Throws for anything else. */
export function timeoutRuleMs(rule: string): number {
  const match = /^([1-9]\d{0,8})([mhd])$/.exec(rule);
  if (!match) throw new Error(`Not a timeout rule: "${rule}" (use e.g. 30m, 2h, 1d)`);
  return Number(match[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as "m" | "h" | "d"];
}
