import { useTranslations } from "next-intl";

/** Why the cart cannot be checked out as it is (some line asks for more than is left). */
export function CartBlockedNote({ id, className = "" }: { id?: string; className?: string }) {
  const t = useTranslations("cart");
  return (
    <p
      id={id}
      role="status"
      data-testid="cart-blocked"
      className={`rounded-xl border border-red-200 bg-red-50 p-3 text-sm text-red-800 ${className}`}
    >
      {t("blocked")}
    </p>
  );
}
