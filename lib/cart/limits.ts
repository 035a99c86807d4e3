// Cart limits, shared by the server (cookie) and client components.
export const MAX_QUANTITY = 99;
export const MAX_LINES = 30;
