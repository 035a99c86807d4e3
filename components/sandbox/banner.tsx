/** The strip on top of every sandbox gateway page: nobody may take it for the real ScanForPay. */
export function SandboxBanner() {
  return (
    <header className="bg-amber-500 px-4 py-2 text-center text-sm font-bold tracking-wide text-amber-950">
      <p>SANDBOX · ScanForPay test gateway · no real money</p>
    </header>
  );
}
