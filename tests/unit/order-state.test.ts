// lib/orders/state.ts owns every status rule: its tables, and a check that no other file
// decides a status with a literal of its own.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { OrderStatus, PaymentStatus, RefundStatus, StockState } from "@/lib/generated/prisma/enums";
import {
  afterRefunds,
  customerStatus,
  displayGroup,
  EXPIRE,
  FAIL,
  gatewayStatusMoves,
  isPastTimeout,
  isPayable,
  isRefundable,
  isSettled,
  ORDER_EXPIRE_UNATTEMPTED,
  ORDER_REOPEN,
  ORDER_STATUSES,
  orderRuleFor,
  REFUND_REFUSE,
  REFUND_RESERVING,
  REFUND_SUCCEED,
  refundHoldsAmount,
  needsStockAttention,
  releasesStock,
  STOCK_LATE_SALE,
  STOCK_OVERSELL,
  STOCK_RELEASE,
  STOCK_RETAKE,
  STOCK_SELL,
  stockStateAtOrder,
  transitionForGatewayStatus,
} from "@/lib/orders/state";

const payments = Object.values(PaymentStatus);

/** Applies a transition to a status as the conditional UPDATE would: moved, or left alone. */
const apply = (from: string, t: { from: readonly string[]; to: string } | null) =>
  t && t.from.includes(from) ? t.to : from;

describe("payment transitions from the gateway's word", () => {
  // [gateway status, past its timeout?, from] → to
  const table: [number, boolean, string, string][] = [
    [0, false, "pending", "pending"],
    [1, false, "pending", "paid"],
    [1, false, "failed", "paid"], // a late success: the money was taken
    [1, true, "expired", "paid"],
    [1, false, "paid", "paid"], // a duplicate notify changes nothing
    [1, false, "refunded", "refunded"],
    [2, false, "pending", "failed"],
    [2, true, "pending", "expired"], // ScanForPay's "not paid in time"
    [2, false, "paid", "paid"], // a stale fail never undoes a payment
    [3, false, "paid", "refunded"],
    [3, false, "partially_refunded", "refunded"],
    [3, false, "pending", "pending"],
    [9, false, "pending", "pending"],
  ];
  it.each(table)("status %i (past timeout: %s) moves %s to %s", (status, pastTimeout, from, to) => {
    expect(apply(from, transitionForGatewayStatus(status, { pastTimeout }))).toBe(to);
  });

  it("only 1, 2 and 3 say anything new", () => {
    expect([0, 1, 2, 3, 4].map(gatewayStatusMoves)).toEqual([false, true, true, true, false]);
  });

  it("expiry and refusal only end a pending attempt", () => {
    for (const s of payments) {
      expect(apply(s, EXPIRE)).toBe(s === "pending" ? "expired" : s);
      expect(apply(s, FAIL)).toBe(s === "pending" ? "failed" : s);
    }
  });
});

describe("refunds", () => {
  it("only received money not wholly given back is refundable", () => {
    expect(payments.filter(isRefundable)).toEqual(["paid", "partially_refunded"]);
  });

  it.each([
    [0, 1000, "partially_refunded"],
    [400, 1000, "partially_refunded"],
    [1000, 1000, "refunded"],
    [1200, 1000, "refunded"],
  ])("%i of %i refunded: the payment is %s", (refunded, amount, to) => {
    expect(afterRefunds(refunded, amount)).toEqual({ from: ["paid", "partially_refunded"], to });
  });

  it("a refund is open until the gateway answers; open and done ones hold their amount", () => {
    const refunds = Object.values(RefundStatus);
    expect(refunds.map((s) => apply(s, REFUND_SUCCEED))).toEqual(["succeeded", "succeeded", "failed"]);
    expect(refunds.map((s) => apply(s, REFUND_REFUSE))).toEqual(["failed", "succeeded", "failed"]);
    expect(refunds.filter(refundHoldsAmount)).toEqual([...REFUND_RESERVING]);
    expect(refunds.filter(refundHoldsAmount)).toEqual(["pending", "succeeded"]);
  });
});

describe("the order follows its payments", () => {
  it.each([
    ["paid", { kind: "pays", to: "paid" }],
    ["partially_refunded", { kind: "withPaidPayment", from: ["paid", "partially_refunded"], to: "partially_refunded" }],
    ["refunded", { kind: "withPaidPayment", from: ["paid", "partially_refunded"], to: "refunded" }],
    ["failed", { kind: "ifLatest", from: ["pending"], to: "failed" }],
    ["expired", { kind: "ifLatest", from: ["pending"], to: "expired" }],
    ["pending", null],
  ] as const)("a payment that becomes %s", (to, rule) => {
    expect(orderRuleFor(to)).toEqual(rule);
  });

  it("an unpaid order is payable again; a paid one never", () => {
    const orders = Object.values(OrderStatus);
    expect(orders.filter(isPayable)).toEqual(["pending", "failed", "expired"]);
    expect(orders.map((s) => apply(s, ORDER_REOPEN))).toEqual([
      "pending",
      "paid",
      "partially_refunded",
      "refunded",
      "pending",
      "pending",
    ]);
    expect(orders.filter(isSettled)).toEqual(["paid", "partially_refunded", "refunded"]);
  });

  it("every order status is listed once, and each has a display group", () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.values(OrderStatus).sort());
    expect(ORDER_STATUSES.map(displayGroup)).toEqual(["waiting", "done", "refunded", "refunded", "unpaid", "unpaid"]);
  });

  it("the customer reads a pending order they came back from as not completed", () => {
    expect(customerStatus("pending", true)).toBe("not_completed");
    expect(customerStatus("pending", false)).toBe("pending");
    expect(customerStatus("paid", true)).toBe("paid");
    expect(displayGroup(customerStatus("pending", true))).toBe("unpaid");
  });

  it("an order never attempted (a WeChat hand-off left alone) expires only from pending", () => {
    expect(Object.values(OrderStatus).map((s) => apply(s, ORDER_EXPIRE_UNATTEMPTED))).toEqual([
      "expired",
      "paid",
      "partially_refunded",
      "refunded",
      "failed",
      "expired",
    ]);
  });

  it("an attempt's time is up a minute early at most (the gateway's clock may run ahead)", () => {
    const end = new Date("2026-12-02T10:30:00Z");
    expect(isPastTimeout(end, new Date("2026-12-02T10:28:59Z"))).toBe(false);
    expect(isPastTimeout(end, new Date("2026-12-02T10:29:00Z"))).toBe(true);
    expect(isPastTimeout(end, new Date("2026-12-02T11:00:00Z"))).toBe(true);
    expect(isPastTimeout(null, new Date("2026-12-02T11:00:00Z"))).toBe(false);
  });
});

describe("stock transitions", () => {
  const states = Object.values(StockState);
  it.each([
    ["release", STOCK_RELEASE, ["untracked", "released", "released", "sold", "oversold"]],
    ["sell", STOCK_SELL, ["untracked", "sold", "released", "sold", "oversold"]],
    ["retake", STOCK_RETAKE, ["untracked", "reserved", "reserved", "sold", "oversold"]],
    ["late sale", STOCK_LATE_SALE, ["untracked", "reserved", "sold", "sold", "oversold"]],
    ["oversell", STOCK_OVERSELL, ["untracked", "reserved", "oversold", "sold", "oversold"]],
  ] as const)("%s moves only the state it starts from", (_name, transition, expected) => {
    expect(states).toEqual(["untracked", "reserved", "released", "sold", "oversold"]);
    expect(states.map((s) => apply(s, transition))).toEqual(expected);
  });

  it("an order holds stock only if a line is tracked; failed and expired orders give it back", () => {
    expect(stockStateAtOrder(true)).toBe("reserved");
    expect(stockStateAtOrder(false)).toBe("untracked");
    expect(Object.values(OrderStatus).filter(releasesStock)).toEqual(["failed", "expired"]);
  });

  it("the merchant is told about an oversold order while its money is held", () => {
    const flagged = Object.values(OrderStatus).filter((status) =>
      needsStockAttention({ status, stockState: "oversold" }),
    );
    expect(flagged).toEqual(["paid", "partially_refunded"]);
    expect(needsStockAttention({ status: "paid", stockState: "sold" })).toBe(false);
  });
});

// ── No status decided outside the owner ──────────────────────────────────────────────────

const root = path.resolve(import.meta.dirname, "../..");
const OWNER = "lib/orders/state.ts";
// The sandbox is the gateway's side: its states are ScanForPay's (integers) and its own.
const OUTSIDE = [/^lib\/generated\//, /^lib\/sandbox\//, /^app\/sandbox\//, /^components\/sandbox\//];
const STATUS_VALUES = new Set<string>([
  ...Object.values(OrderStatus),
  ...Object.values(RefundStatus),
  ...Object.values(StockState),
]);
const ENUM_OBJECTS = new Set(["OrderStatus", "PaymentStatus", "RefundStatus", "StockState"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/**
 * Status literals in a deciding position: a `status`/`from`/`to` property, a comparison, a
 * case, an `.includes()` or `in:` argument, an array of statuses, a branch of a ternary, a
 * returned value, a cast, an index; and the generated enum objects' members. (A CSV column
 * named "refunded" or a translation key is not a decision.)
 */
function statusLiterals(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const isStatus = (n: ts.Node): n is ts.StringLiteralLike => ts.isStringLiteralLike(n) && STATUS_VALUES.has(n.text);
  const report = (n: ts.StringLiteralLike) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1} "${n.text}"`);
  const visit = (node: ts.Node) => {
    if (isStatus(node)) {
      const parent = node.parent;
      const deciding =
        (ts.isPropertyAssignment(parent) && /^(status|from|to|in|notIn|equals|not)$/.test(parent.name.getText())) ||
        (ts.isBinaryExpression(parent) &&
          [
            ts.SyntaxKind.EqualsEqualsEqualsToken,
            ts.SyntaxKind.ExclamationEqualsEqualsToken,
            ts.SyntaxKind.EqualsEqualsToken,
            ts.SyntaxKind.ExclamationEqualsToken,
          ].includes(parent.operatorToken.kind)) ||
        ts.isCaseClause(parent) ||
        (ts.isCallExpression(parent) && /\.includes$/.test(parent.expression.getText())) ||
        (ts.isArrayLiteralExpression(parent) && parent.elements.every(isStatus)) ||
        (ts.isConditionalExpression(parent) && parent.condition !== node) ||
        ts.isReturnStatement(parent) ||
        ts.isAsExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isElementAccessExpression(parent);
      if (deciding) report(node);
    }
    // The generated enum objects (PaymentStatus.paid …) are the owner's to use.
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      ENUM_OBJECTS.has(node.expression.text) &&
      STATUS_VALUES.has(node.name.text)
    )
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText()}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("one owner for the status rules", () => {
  const files = ["lib", "app", "components", "scripts", "prisma", "bench"]
    .flatMap(sourceFiles)
    .concat(["proxy.ts", "instrumentation.ts"])
    .filter((f) => f !== OWNER && !OUTSIDE.some((r) => r.test(f)));

  it("reads the shop's code", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain("lib/orders/payments.ts");
  });

  it("no status is written or compared as a literal outside lib/orders/state.ts", () => {
    expect(files.flatMap(statusLiterals)).toEqual([]);
  });

  it("the check itself finds a literal where one is", () => {
    const owner = statusLiterals(OWNER);
    expect(owner.length).toBeGreaterThan(5);
    expect(owner.some((f) => f.includes("PaymentStatus.paid"))).toBe(true);
  });
});
