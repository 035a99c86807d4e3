-- Orders paid before shipping and fulfilment existed were fulfilled outside the shop: they
-- are recorded as collected (at their payment time), so an upgraded shop's fulfilment queue
-- and its customers' order pages do not show them as waiting. Orders placed from now on
-- start unfulfilled. A fresh database has no orders: this changes nothing there.
UPDATE "Order"
SET "fulfilment" = 'collected', "deliveredAt" = COALESCE("paidAt", "createdAt")
WHERE "fulfilment" = 'unfulfilled'
  AND "status" IN ('paid', 'partially_refunded', 'refunded')
  AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" WHERE "OutboxMessage"."orderId" = "Order"."id");
