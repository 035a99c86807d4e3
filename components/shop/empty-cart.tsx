import { getTranslations } from "next-intl/server";
import { CartIcon } from "./cart-icon";
import { EmptyState } from "./empty-state";

/** The page's heading over the empty-cart message (cart and checkout). */
export async function EmptyCart({ heading }: { heading: string }) {
  const t = await getTranslations("cart");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
      <EmptyState
        title={t("empty")}
        text={t("emptyHint")}
        icon={<CartIcon className="size-10" />}
        action={{ href: "/", label: t("continueShopping") }}
      />
    </>
  );
}
