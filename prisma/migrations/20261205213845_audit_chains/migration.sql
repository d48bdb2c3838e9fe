alter table "public"."AuditEvent" add column "chain" smallint not null default 0;

CREATE INDEX "AuditEvent_chain_id_idx" ON public."AuditEvent" USING btree (chain, id);
