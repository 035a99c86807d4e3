import { SandboxOrderFacts } from "@/components/sandbox/order-facts";
import { SandboxOutcomeButton } from "@/components/sandbox/outcome-button";
import { SandboxOutcomeForm, type SandboxCheckout } from "@/components/sandbox/outcome-form";

/** What the customer's phone shows after scanning a QR code: the wallet's confirm screen. */
export function SandboxScanConfirm({ checkout }: { checkout: SandboxCheckout }) {
  const { wallet } = checkout;
  return (
    <div className="flex flex-1 justify-center bg-stone-200 sm:px-4 sm:py-8">
      <section
        aria-labelledby="sandbox-confirm-heading"
        className="flex w-full flex-col overflow-hidden bg-white sm:min-h-[46rem] sm:max-w-sm sm:self-start sm:rounded-[2.5rem] sm:border-[10px] sm:border-stone-900 sm:shadow-xl"
      >
        <div className={`px-6 pt-6 pb-8 text-center ${wallet.solid}`}>
          <h1 id="sandbox-confirm-heading" className="text-xl font-bold">
            {wallet.name}
          </h1>
          <p className="mt-6 text-4xl font-bold tracking-tight wrap-anywhere">
            <span className="sr-only">Amount: </span>
            {checkout.amount}
          </p>
        </div>
        <SandboxOutcomeForm token={checkout.token} via="scan" className="flex-1 px-6 pt-5 pb-6">
          <SandboxOrderFacts
            facts={[
              ["Merchant", checkout.merchant],
              !!checkout.title && ["Order", checkout.title],
              ["Reference", checkout.partnerOrderNo],
            ]}
          />
          <SandboxOutcomeButton
            outcome="success"
            className={`mt-6 h-12 w-full rounded-xl text-xl font-bold hover:brightness-95 ${wallet.solid}`}
          >
            Confirm payment
          </SandboxOutcomeButton>
          <div className="mt-3 grid grid-cols-2 gap-3">
            <SandboxOutcomeButton
              outcome="fail"
              className="h-11 rounded-xl border border-red-300 text-sm font-semibold text-red-700 hover:bg-red-50"
            >
              Fail
            </SandboxOutcomeButton>
            <SandboxOutcomeButton
              outcome="cancel"
              className="h-11 rounded-xl border border-stone-300 text-sm font-semibold text-stone-700 hover:bg-stone-100"
            >
              Cancel
            </SandboxOutcomeButton>
          </div>
        </SandboxOutcomeForm>
      </section>
    </div>
  );
}
