CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON public."AuditEvent" USING btree ("entityType", "entityId", at);
