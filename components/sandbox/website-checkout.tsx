import { SandboxOrderFacts } from "@/components/sandbox/order-facts";
import { SandboxOutcomeButton } from "@/components/sandbox/outcome-button";
import { SandboxOutcomeForm, type SandboxCheckout } from "@/components/sandbox/outcome-form";
import { SandboxQrCode } from "@/components/sandbox/qr-code";

const field =
  "mt-1 block h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base font-normal text-stone-900";

/**
 * The desktop hosted checkout (website flow): the order on the left; on the right a QR code
 * for the wallet app on a phone, or a (fake) wallet log-in.
 */
export function SandboxWebsiteCheckout({
  checkout,
  scanUrl,
  statusHref,
}: {
  checkout: SandboxCheckout;
  scanUrl: string;
  statusHref: string;
}) {
  const { wallet } = checkout;
  const payClass = `h-12 w-full rounded-xl text-xl font-bold shadow-sm hover:brightness-95 ${wallet.solid}`;
  return (
    <div className="flex-1 px-4 py-6 sm:px-6 sm:py-10">
      <SandboxOutcomeForm token={checkout.token} via="browser" className="mx-auto max-w-4xl">
        <div className="overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-stone-200 px-5 py-3 sm:px-8">
            <p className="text-lg font-bold tracking-tight text-stone-900">ScanForPay</p>
            <p className="text-sm text-stone-600">Secure checkout</p>
          </div>
          <div className="grid md:grid-cols-2">
            <section aria-labelledby="sandbox-order-heading" className="p-5 sm:p-8">
              <h1 id="sandbox-order-heading" className="text-base font-semibold text-stone-700">
                Pay with {wallet.name}
              </h1>
              <p className="mt-1 text-4xl font-bold tracking-tight wrap-anywhere text-stone-900 sm:text-5xl">
                <span className="sr-only">Amount: </span>
                {checkout.amount}
              </p>
              <SandboxOrderFacts
                className="mt-6 border-t border-stone-200 pt-4"
                facts={[
                  ["Merchant", checkout.merchant],
                  !!checkout.title && ["Order", checkout.title],
                  ["Reference", checkout.partnerOrderNo],
                  ["Expires", <time dateTime={checkout.expires.iso}>{checkout.expires.label}</time>],
                ]}
              />
              <div className="mt-8 space-y-3">
                <SandboxOutcomeButton outcome="success" className={payClass}>
                  Pay {checkout.amount}
                </SandboxOutcomeButton>
                <SandboxOutcomeButton
                  outcome="fail"
                  className="h-11 w-full rounded-xl border border-red-300 bg-white text-sm font-semibold text-red-700 hover:bg-red-50"
                >
                  Simulate a failed payment
                </SandboxOutcomeButton>
                <SandboxOutcomeButton
                  outcome="cancel"
                  className="h-11 w-full rounded-xl text-sm font-semibold text-stone-700 underline underline-offset-4 hover:text-stone-950"
                >
                  Cancel and return to the shop
                </SandboxOutcomeButton>
              </div>
            </section>
            <section
              aria-labelledby="sandbox-phone-heading"
              className="border-t border-stone-200 bg-stone-50 p-5 sm:p-8 md:border-t-0 md:border-l"
            >
              <h2 id="sandbox-phone-heading" className="text-center text-base font-semibold text-stone-700">
                Pay on your phone
              </h2>
              <figure className="mt-4 flex flex-col items-center">
                <div className="rounded-xl border border-stone-200 bg-white p-2">
                  <SandboxQrCode
                    text={scanUrl}
                    label={`QR code that opens this payment in ${wallet.name} on a phone`}
                  />
                </div>
                <figcaption className="mt-3 text-center font-semibold text-stone-900">
                  Scan with {wallet.name} to pay
                </figcaption>
              </figure>
              <p className="mt-1 text-center text-sm text-stone-600">
                Paid on your phone?{" "}
                <a href={statusHref} className="font-semibold text-stone-900 underline underline-offset-4">
                  Check the payment
                </a>
              </p>
              <details className="mt-6 rounded-xl border border-stone-200 bg-white">
                <summary className="cursor-pointer rounded-xl px-4 py-3 text-sm font-semibold text-stone-900">
                  Log in to your {wallet.name} account instead
                </summary>
                <div className="space-y-3 px-4 pb-4">
                  <label className="block text-sm font-medium text-stone-700">
                    Account
                    <input type="text" autoComplete="off" className={field} />
                  </label>
                  <label className="block text-sm font-medium text-stone-700">
                    Password
                    <input type="password" autoComplete="off" className={field} />
                  </label>
                  <p className="text-xs text-stone-600">
                    Sandbox: any account and password will do, or none. They are not sent.
                  </p>
                  <SandboxOutcomeButton outcome="success" className={payClass}>
                    Log in and pay {checkout.amount}
                  </SandboxOutcomeButton>
                </div>
              </details>
            </section>
          </div>
        </div>
      </SandboxOutcomeForm>
    </div>
  );
}
