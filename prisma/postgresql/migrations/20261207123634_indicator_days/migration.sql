-- CreateTable
CREATE TABLE "IndicatorDay" (
    "ordinal" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "workIndex" INTEGER NOT NULL,
    "deadline" TEXT NOT NULL,
    "lprBp" INTEGER,

    CONSTRAINT "IndicatorDay_pkey" PRIMARY KEY ("ordinal")
);

-- CreateTable
CREATE TABLE "IndicatorDayStamp" (
    "id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorDayStamp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorDay_day_key" ON "IndicatorDay"("day");

-- CreateIndex
CREATE INDEX "IndicatorDay_day_ordinal_workIndex_deadline_lprBp_idx" ON "IndicatorDay"("day", "ordinal", "workIndex", "deadline", "lprBp");

