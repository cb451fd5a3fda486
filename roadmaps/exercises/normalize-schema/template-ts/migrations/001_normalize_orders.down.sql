-- Migration 001 (down), done for you: this migration is one-way. Its up file drops orders_flat, and
-- rebuilding a spreadsheet-style copy from the new tables is rarely what anyone wants; to go back,
-- restore the backup you took before migrating. Failing loudly is better than a down file that
-- quietly loses data.
DO $$
BEGIN
  RAISE EXCEPTION '001_normalize_orders cannot be undone: restore the database from the backup taken before it';
END
$$;
