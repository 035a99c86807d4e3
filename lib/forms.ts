// Server actions are public endpoints: anyone can call one with arguments of any shape. Each
// action reads its form through this, so a string, null or an object where a form belongs is
// an empty form (its zod check then answers a form error) rather than a TypeError and a 500.
export function asForm(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
