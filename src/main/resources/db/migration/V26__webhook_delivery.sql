-- Signed webhooks received (POST /webhooks/{source}), by the sender's webhook-id, so the same delivery again
-- within 24 hours is answered without doing anything twice. A row is written only after the delivery's effect
-- is stored; rows older than 24 hours are deleted as new ones are recorded (webhook/DeliveryStore). The serving
-- role gets its row privileges by default (db/Roles).
create table webhook_delivery (
  source      text not null,
  webhook_id  text not null,
  received_at timestamptz not null,
  booking_id  uuid,
  primary key (source, webhook_id)
);
create index webhook_delivery_received_at on webhook_delivery (received_at);
