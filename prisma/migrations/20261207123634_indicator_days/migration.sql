-- CreateTable
CREATE TABLE "IndicatorDay" (
    "ordinal" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "day" TEXT NOT NULL,
    "workIndex" INTEGER NOT NULL,
    "deadline" TEXT NOT NULL,
    "lprBp" INTEGER
);

-- CreateTable
CREATE TABLE "IndicatorDayStamp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fingerprint" TEXT NOT NULL,
    "builtAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorDay_day_key" ON "IndicatorDay"("day");

-- CreateIndex
CREATE INDEX "IndicatorDay_day_ordinal_workIndex_deadline_lprBp_idx" ON "IndicatorDay"("day", "ordinal", "workIndex", "deadline", "lprBp");
