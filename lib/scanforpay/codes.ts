// ScanForPay result codes (`body.code`), with what each means for the merchant.

export const ResultCode = {
  SUCCESS: 1,
  FAILURE: 2,
  ILLEGAL_REQUEST: 3,
  REQUIRED_EMPTY: 4,
  INVALID_PARAMETER: 5,
  INVALID_JSON: 6,
  ORDER_NUMBERS_EMPTY: 7,
  BAD_SIGNATURE: 8,
  SYSTEM_ERROR: 9,
  INSTITUTION_SIGNATURE: 20,
  RESULT_TIMEOUT: 21,
  INSTITUTION_REQUEST_FAILED: 22,
  ORDER_NOT_FOUND: 30,
  DUPLICATE_ORDER: 31,
  WRONG_STATE: 32,
  ORDER_CLOSED: 33,
  NOT_CANCELLABLE: 34,
  REFUND_TOO_LARGE: 35,
  OPEN_IN_WALLET: 40,
  PAY_WITH_ALIPAY: 41,
  PAY_WITH_WECHAT: 42,
  NO_WALLET_ACCOUNT: 43,
  PAYMENT_TYPE_DISABLED: 44,
} as const;

const meanings: Record<number, string> = {
  1: "Success.",
  2: "The request failed.",
  3: "The request is not allowed: the merchant is not authorised for it (check the partner and store numbers).",
  4: "A required parameter is empty.",
  5: "A parameter is invalid (type, length or value).",
  6: "The request is not valid JSON.",
  7: "Neither partnerOrderNo nor orderNo was given.",
  8: "The signature is invalid (check the sign key).",
  9: "Unknown system error at ScanForPay: try again.",
  20: "The payment institution's signature check failed.",
  21: "Timed out waiting for the result: the state is unknown, query it later.",
  22: "The request to the payment institution failed: try again.",
  30: "The order does not exist.",
  31: "Duplicate order: this partnerOrderNo was already used.",
  32: "The order's status does not allow this.",
  33: "The order is closed.",
  34: "The transaction may not be cancelled.",
  35: "The refund exceeds the refundable amount.",
  40: "Open the page in Alipay or WeChat to pay.",
  41: "Pay with Alipay.",
  42: "Pay with WeChat.",
  43: "The merchant has no account for this wallet.",
  44: "The merchant has not enabled this payment type.",
};

/** Plain-English meaning of a result code. */
export function describeCode(code: number): string {
  return meanings[code] ?? `Unknown result code ${code}.`;
}

/** Codes after which the same request may be sent again (ScanForPay says "retry"). */
export function isRetryableCode(code: number): boolean {
  return code === ResultCode.SYSTEM_ERROR || code === ResultCode.INSTITUTION_REQUEST_FAILED;
}
