// Errors a caller can act on. `retryable` says whether sending the same request again is
// safe and may help; `stateUnknown` says the gateway may have acted (query before retrying
// a create under a new number).
import { describeCode, isRetryableCode, ResultCode } from "./codes";

export type ScanForPayErrorKind = "network" | "timeout" | "http" | "malformed" | "signature" | "business";

export class ScanForPayError extends Error {
  override name = "ScanForPayError";
  constructor(
    readonly kind: ScanForPayErrorKind,
    message: string,
    readonly details: { code?: number; msg?: string; httpStatus?: number; rawText?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** The gateway's result code, for business failures. */
  get code(): number | undefined {
    return this.details.code;
  }

  get retryable(): boolean {
    if (this.kind === "business") return isRetryableCode(this.details.code ?? 0);
    if (this.kind === "http") return (this.details.httpStatus ?? 0) >= 500 || this.details.httpStatus === 429;
    return this.kind === "network" || this.kind === "timeout";
  }

  /** The request may have reached the gateway and been acted on. */
  get stateUnknown(): boolean {
    return (
      this.kind === "timeout" ||
      this.kind === "network" ||
      this.kind === "malformed" ||
      this.kind === "signature" ||
      this.code === ResultCode.RESULT_TIMEOUT
    );
  }
}

export function businessError(code: number, msg: string, rawText: string): ScanForPayError {
  return new ScanForPayError("business", `ScanForPay answered code ${code} (${msg}): ${describeCode(code)}`, {
    code,
    msg,
    rawText,
  });
}
