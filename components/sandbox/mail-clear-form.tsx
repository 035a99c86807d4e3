import { clearSandboxMailAction } from "@/app/actions/sandbox-mail";

/** Empties the sandbox mailbox (a plain form: works without JavaScript). */
export function SandboxMailClearForm() {
  return (
    <form action={clearSandboxMailAction}>
      <input type="hidden" name="confirm" value="clear" />
      <button className="h-9 rounded-lg border border-red-300 bg-white px-3 text-sm font-semibold text-red-800 hover:bg-red-50">
        Clear mailbox
      </button>
    </form>
  );
}
