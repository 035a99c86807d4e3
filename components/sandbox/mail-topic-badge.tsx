import { topicLabel } from "@/lib/outbox/admin";

/** The outbox topic a sandbox mail was sent for (order confirmed, shipped, an alert …). */
export function SandboxMailTopicBadge({ topic }: { topic: string }) {
  const alert = topic.startsWith("alert.");
  return (
    <span
      data-testid="mail-topic"
      data-topic={topic}
      className={`rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${alert ? "bg-violet-100 text-violet-900" : "bg-teal-100 text-teal-900"}`}
    >
      {topicLabel(topic)}
    </span>
  );
}
