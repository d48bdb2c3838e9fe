-- A partner's manager (guarantee company, bank): oversees its officers' cases and loans and
-- receives the escalations of late cases.
ALTER TYPE "StaffRole" ADD VALUE 'GUARANTOR_MANAGER' AFTER 'GUARANTOR_OFFICER';
ALTER TYPE "StaffRole" ADD VALUE 'BANK_MANAGER' AFTER 'BANK_OFFICER';
