import { formatMoney } from "@/lib/money";

export const LABEL_FONT_SIZE = 10;

/** A date under every seventh bar and under the last; one too close to the last is left out. */
const labelled = (i: number, count: number) => i === count - 1 || (i % 7 === 0 && count - 1 - i >= 4);

/**
 * Where a day's label stands: the first starts at its bar's left edge and the last ends at
 * its bar's right edge, so neither runs past the chart's sides; the others are centred.
 */
function labelAt(i: number, count: number, bar: number, width: number) {
  if (i === 0) return { x: 2, textAnchor: "start" } as const;
  if (i === count - 1) return { x: width - 2, textAnchor: "end" } as const;
  return { x: i * bar + bar / 2, textAnchor: "middle" } as const;
}

/** Revenue by day as a server-rendered SVG bar chart (no chart library, no client code). */
export function AdminRevenueChart({
  days,
  currency,
}: {
  days: { day: string; revenue: Record<string, number> }[];
  currency: string;
}) {
  const values = days.map((d) => d.revenue[currency] ?? 0);
  const max = Math.max(1, ...values);
  const width = 600;
  const height = 160;
  const bar = width / days.length;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-label={`Paid revenue per day over the last ${days.length} days, in ${currency}`}
        className="h-auto w-full"
      >
        {days.map((d, i) => {
          const h = Math.round(((values[i] ?? 0) / max) * height);
          return (
            <g key={d.day}>
              <rect
                x={i * bar + 2}
                y={height - h}
                width={bar - 4}
                height={Math.max(h, 1)}
                rx={2}
                className={h ? "fill-teal-600" : "fill-stone-200"}
              >
                <title>{`${d.day}: ${formatMoney(values[i] ?? 0, currency, "en")}`}</title>
              </rect>
              {labelled(i, days.length) && (
                <text
                  {...labelAt(i, days.length, bar, width)}
                  y={height + 15}
                  fontSize={LABEL_FONT_SIZE}
                  className="fill-stone-500"
                >
                  {d.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-stone-500">
        Highest day: {formatMoney(max === 1 ? 0 : max, currency, "en")}
      </figcaption>
    </figure>
  );
}
