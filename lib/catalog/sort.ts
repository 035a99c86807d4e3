// How a product list may be sorted: ?sort=position|price_asc|price_desc|newest (anything
// else, or nothing, is the merchant's order).
import { z } from "zod";
import type { Prisma } from "../generated/prisma/client";

export const SORTS = ["position", "price_asc", "price_desc", "newest"] as const;
export type Sort = (typeof SORTS)[number];

const sortSchema = z.enum(SORTS).catch("position");

/** The sort a query parameter asks for (first value if repeated); unknown values are "position". */
export function parseSort(raw: unknown): Sort {
  return sortSchema.parse(Array.isArray(raw) ? raw[0] : raw);
}

export function productOrderBy(sort: Sort): Prisma.ProductOrderByWithRelationInput[] {
  const tail: Prisma.ProductOrderByWithRelationInput[] = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }];
  switch (sort) {
    case "price_asc":
      return [{ priceMinor: "asc" }, ...tail];
    case "price_desc":
      return [{ priceMinor: "desc" }, ...tail];
    case "newest":
      return [{ createdAt: "desc" }, { id: "asc" }];
    default:
      return tail;
  }
}
