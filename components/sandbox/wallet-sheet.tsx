import { SandboxOrderFacts } from "@/components/sandbox/order-facts";
import { SandboxOutcomeButton } from "@/components/sandbox/outcome-button";
import { SandboxOutcomeForm, type SandboxCheckout } from "@/components/sandbox/outcome-form";

/** The JS API flow: the wallet app's own payment sheet, sliding up over the shop's page. */
export function SandboxWalletSheet({ checkout }: { checkout: SandboxCheckout }) {
  const { wallet } = checkout;
  return (
    <div className="flex flex-1 flex-col justify-end bg-stone-900/70 pt-16 sm:items-center sm:justify-center sm:p-6">
      <section
        aria-labelledby="sandbox-sheet-heading"
        className="w-full overflow-hidden rounded-t-3xl bg-white shadow-2xl sm:max-w-md sm:rounded-3xl"
      >
        <div className={`px-5 py-4 text-center ${wallet.solid}`}>
          <h1 id="sandbox-sheet-heading" className="text-xl font-bold">
            {wallet.name}
          </h1>
        </div>
        <SandboxOutcomeForm
          token={checkout.token}
          via="browser"
          className="px-6 pt-5 pb-[max(1.5rem,env(safe-area-inset-bottom))] text-center"
        >
          <p className="text-sm text-stone-600">Pay to</p>
          <p className="font-semibold text-stone-900">{checkout.merchant}</p>
          {checkout.title && <p className="mt-1 text-sm text-stone-600">{checkout.title}</p>}
          <p className="mt-4 text-4xl font-bold tracking-tight wrap-anywhere text-stone-900 sm:text-5xl">
            <span className="sr-only">Amount: </span>
            {checkout.amount}
          </p>
          <SandboxOrderFacts
            className="mt-6 border-t border-stone-200 pt-4 text-left"
            facts={[
              ["Payment method", `${wallet.name} balance`],
              ["Reference", checkout.partnerOrderNo],
            ]}
          />
          <SandboxOutcomeButton
            outcome="success"
            className={`mt-6 h-12 w-full rounded-xl text-xl font-bold hover:brightness-95 ${wallet.solid}`}
          >
            Pay
          </SandboxOutcomeButton>
          <div className="mt-3 flex items-center justify-between gap-4">
            <SandboxOutcomeButton
              outcome="cancel"
              className="rounded-lg px-2 py-2 text-base font-semibold text-stone-700 underline underline-offset-4 hover:text-stone-950"
            >
              Cancel
            </SandboxOutcomeButton>
            <SandboxOutcomeButton
              outcome="fail"
              className="rounded-lg border border-red-300 px-3 py-1.5 text-xs font-semibold text-red-700 hover:bg-red-50"
            >
              Fail instead
            </SandboxOutcomeButton>
          </div>
        </SandboxOutcomeForm>
      </section>
    </div>
  );
}
