-- CreateTable
CREATE TABLE "UnknownNameLockout" (
    "username" TEXT NOT NULL PRIMARY KEY,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
