import { formatMoney } from "@/lib/money";

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
              {i % 7 === 0 && (
                <text x={i * bar + bar / 2} y={height + 15} textAnchor="middle" className="fill-stone-500 text-[10px]">
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
