alter table "public"."SubsidyBudget" add column "guaranteeDepositFen" bigint;
