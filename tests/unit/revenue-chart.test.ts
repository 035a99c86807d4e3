// The dashboard's revenue chart, rendered as the server renders it: every date under it
// stands inside the SVG (the first one used to be cut off at the left edge).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdminRevenueChart, LABEL_FONT_SIZE } from "@/components/admin/revenue-chart";

/** Thirty days from 2025-05-05, some with revenue. */
const days = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2025, 4, 5 + i)).toISOString().slice(0, 10),
  revenue: (i % 3 ? { HKD: 1000 * i } : {}) as Record<string, number>,
}));

function labels(count: number) {
  const html = renderToStaticMarkup(createElement(AdminRevenueChart, { days: days.slice(0, count), currency: "HKD" }));
  const width = Number(/viewBox="0 0 (\d+)/.exec(html)![1]);
  const texts = [...html.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(/\bx="([\d.]+)"/.exec(m[1]!)![1]),
    anchor: /text-anchor="(\w+)"/.exec(m[1]!)?.[1] ?? "start",
    label: m[2]!,
  }));
  return { width, texts };
}

/** The label's horizontal extent, generously: a digit is at most 0.6 em wide. */
function extent({ x, anchor, label }: { x: number; anchor: string; label: string }) {
  const w = label.length * LABEL_FONT_SIZE * 0.6;
  const left = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { left, right: left + w };
}

describe("revenue chart date labels", () => {
  it("label the first and the last day, and stand inside the chart", () => {
    const { width, texts } = labels(30);
    expect(texts[0]).toMatchObject({ label: "05-05", anchor: "start" });
    expect(texts.at(-1)).toMatchObject({ label: "06-03", anchor: "end" });
    for (const text of texts) {
      const { left, right } = extent(text);
      expect(left, text.label).toBeGreaterThanOrEqual(0);
      expect(right, text.label).toBeLessThanOrEqual(width);
    }
  });

  it("never overlap each other", () => {
    for (const count of [1, 2, 7, 8, 29, 30]) {
      const spans = labels(count).texts.map(extent);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i]!.left, `${count} days`).toBeGreaterThan(spans[i - 1]!.right);
    }
  });
});
