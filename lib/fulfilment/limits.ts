// The fulfilment forms' limits, without zod: the browser's forms import these too.
export const MAX_CARRIER = 60;
export const MAX_TRACKING = 60;
export const MAX_TRACKING_URL = 500;
/** Largest CSV the bulk form takes, in rows and in characters. */
export const MAX_CSV_ROWS = 500;
export const MAX_CSV_CHARS = 200_000;
