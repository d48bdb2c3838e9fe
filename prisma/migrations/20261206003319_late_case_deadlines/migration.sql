CREATE INDEX "LoanApplication_stageDueAt_idx" ON public."LoanApplication" USING btree ("stageDueAt");
