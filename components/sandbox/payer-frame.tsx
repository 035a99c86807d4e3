import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { SandboxAdvancedPanel } from "@/components/sandbox/advanced-panel";
import { SandboxOrderFacts } from "@/components/sandbox/order-facts";
import { SandboxOutcomeButton } from "@/components/sandbox/outcome-button";
import { SandboxOutcomeForm, type SandboxCheckout } from "@/components/sandbox/outcome-form";

/** Where each payer screen sits; what it holds is the same for all three. */
const LOOKS = {
  /** ScanForPay's hosted checkout in a desktop browser: a card, the order beside the phone options. */
  website: {
    backdrop: "flex-1 px-4 py-6 sm:px-6 sm:py-10",
    panel: "mx-auto max-w-4xl overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm",
    band: "flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-stone-200 px-5 py-3 text-stone-900 sm:px-8",
    heading: "text-lg font-bold tracking-tight",
    form: "",
    columns: "grid md:grid-cols-2",
    main: "p-5 sm:p-8",
    advanced: "border-t border-stone-200 p-5 sm:px-8",
  },
  /** The JS API flow: the wallet app's own payment sheet, sliding up over the shop's page. */
  sheet: {
    backdrop: "flex flex-1 flex-col justify-end bg-stone-900/70 pt-16 sm:items-center sm:justify-center sm:p-6",
    panel: "w-full overflow-hidden rounded-t-3xl bg-white shadow-2xl sm:max-w-md sm:rounded-3xl",
    band: "px-5 py-4 text-center",
    heading: "text-xl font-bold",
    form: "",
    columns: "",
    main: "px-6 pt-5 text-center",
    advanced: "px-6 pt-6 pb-[max(1.5rem,env(safe-area-inset-bottom))]",
  },
  /** The phone that scanned a QR code: the wallet's confirm screen, in a phone's outline on wide screens. */
  phone: {
    backdrop: "flex flex-1 justify-center bg-stone-200 sm:px-4 sm:py-8",
    panel:
      "flex w-full flex-col overflow-hidden bg-white sm:min-h-[46rem] sm:max-w-sm sm:self-start sm:rounded-[2.5rem] sm:border-[10px] sm:border-stone-900 sm:shadow-xl",
    band: "px-6 py-6 text-center",
    heading: "text-xl font-bold",
    form: "flex flex-1 flex-col",
    columns: "flex-1",
    main: "px-6 pt-5 text-center",
    advanced: "px-6 pt-6 pb-6",
  },
} as const;

/**
 * The frame of the three payer screens: a heading band, the amount, the order's facts, the
 * pay / fail / cancel buttons and the advanced panel, all in one outcome form. `aside` is a
 * second column inside the form (the website checkout's phone and log-in options).
 */
export function SandboxPayerFrame({
  checkout,
  look,
  heading,
  band,
  facts,
  labels,
  aside,
}: {
  checkout: SandboxCheckout;
  look: keyof typeof LOOKS;
  heading: string;
  /** Shown in the band next to the heading. */
  band?: ReactNode;
  facts: ComponentProps<typeof SandboxOrderFacts>["facts"];
  labels: Record<"pay" | "fail" | "cancel", string>;
  aside?: ReactNode;
}) {
  const t = useTranslations("sandbox");
  const classes = LOOKS[look];
  const { wallet } = checkout;
  // The website checkout is ScanForPay's page; the sheet and the phone are the wallet's.
  const bandColour = look === "website" ? "" : wallet.solid;
  return (
    <div className={classes.backdrop}>
      <section aria-labelledby="sandbox-payer-heading" className={classes.panel}>
        <div className={`${classes.band} ${bandColour}`}>
          <h1 id="sandbox-payer-heading" className={classes.heading}>
            {heading}
          </h1>
          {band}
        </div>
        <SandboxOutcomeForm token={checkout.token} via={look === "phone" ? "scan" : "browser"} className={classes.form}>
          <div className={classes.columns}>
            <div className={classes.main}>
              <p className="text-4xl font-bold tracking-tight wrap-anywhere text-stone-900 sm:text-5xl">
                <span className="sr-only">{t("amountPrefix")} </span>
                {checkout.amount}
              </p>
              <SandboxOrderFacts className="mt-6 border-t border-stone-200 pt-4 text-left" facts={facts} />
              <div className="mt-6 space-y-3">
                <SandboxOutcomeButton outcome="success" solid={wallet.solid}>
                  {labels.pay}
                </SandboxOutcomeButton>
                <div className="grid grid-cols-2 gap-3">
                  <SandboxOutcomeButton outcome="fail">{labels.fail}</SandboxOutcomeButton>
                  <SandboxOutcomeButton outcome="cancel">{labels.cancel}</SandboxOutcomeButton>
                </div>
              </div>
            </div>
            {aside}
          </div>
          <div className={classes.advanced}>
            <SandboxAdvancedPanel />
          </div>
        </SandboxOutcomeForm>
      </section>
    </div>
  );
}
