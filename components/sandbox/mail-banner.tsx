/** The strip on top of the sandbox mailbox's pages: nothing here was sent to anyone. */
export function SandboxMailBanner() {
  return (
    <header className="bg-amber-500 px-4 py-2 text-center text-sm font-bold tracking-wide text-amber-950">
      <p>SANDBOX · test mailbox · nothing here was sent to anyone</p>
    </header>
  );
}
