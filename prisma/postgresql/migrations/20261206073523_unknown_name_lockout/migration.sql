-- CreateTable
CREATE TABLE "UnknownNameLockout" (
    "username" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnknownNameLockout_pkey" PRIMARY KEY ("username")
);

