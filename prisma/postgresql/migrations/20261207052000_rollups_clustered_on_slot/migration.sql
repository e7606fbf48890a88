-- Twin of the SQLite migration that clusters the rollups on their slot key (WITHOUT ROWID): a
-- PostgreSQL table is a heap and keeps no order, so this orders it once by the key — kind, cube,
-- day first — and the period reads of one cube start from neighbouring pages.
CLUSTER "IndicatorRollup" USING "IndicatorRollup_pkey";
