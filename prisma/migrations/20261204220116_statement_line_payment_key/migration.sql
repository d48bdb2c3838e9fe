-- A period's interest may be paid in several payments: a statement line's key now names the
-- payment day too ("contract|start|end|paidOn", "-" when nothing was paid). Every version of a
-- line keeps the key of its first version (a correction may change the payment day).
UPDATE "StatementLine" AS s
SET "lineKey" = s."lineKey" || '|' || COALESCE(to_char(f."paidOn", 'YYYY-MM-DD'), '-')
FROM "StatementLine" AS f
WHERE f."loanId" = s."loanId" AND f."lineKey" = s."lineKey" AND f."lineVersion" = 1;
