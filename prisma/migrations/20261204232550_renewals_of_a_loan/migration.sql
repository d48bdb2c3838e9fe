CREATE INDEX "LoanApplication_previousLoanId_idx" ON public."LoanApplication" USING btree ("previousLoanId");
