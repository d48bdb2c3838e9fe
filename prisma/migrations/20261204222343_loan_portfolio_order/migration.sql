CREATE INDEX "Loan_maturityOn_id_idx" ON public."Loan" USING btree ("maturityOn", id);
