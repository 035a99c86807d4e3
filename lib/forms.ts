// Server actions are public endpoints: anyone can call one with arguments of any shape. Each
// action reads its form through this, so a string, null or an object where a form belongs is
// an empty form (its zod check then answers a form error) rather than a TypeError and a 500.
// A text field holding a NUL (which PostgreSQL cannot store, and no person types) is dropped.
export function asForm(value: unknown): FormData {
  if (!(value instanceof FormData)) return new FormData();
  const form = new FormData();
  for (const [name, field] of value.entries())
    if (typeof field !== "string" || !field.includes("\u0000")) form.append(name, field);
  return form;
}
