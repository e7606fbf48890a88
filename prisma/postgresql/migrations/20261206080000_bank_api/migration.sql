-- AlterTable
ALTER TABLE "AccessLog" ADD COLUMN     "channel" TEXT NOT NULL DEFAULT 'SCREEN';

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "bankId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "secretSealed" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "secretHint" TEXT NOT NULL,
    "previousSealed" TEXT,
    "previousValidUntil" TIMESTAMP(3),
    "issuedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiNonce" (
    "clientId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "usedAtMs" BIGINT NOT NULL,

    CONSTRAINT "ApiNonce_pkey" PRIMARY KEY ("clientId","nonce")
);

-- CreateTable
CREATE TABLE "ApiRateWindow" (
    "clientId" TEXT NOT NULL,
    "minute" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("clientId","minute")
);

-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "status" INTEGER,
    "contentType" TEXT,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_keyId_key" ON "ApiClient"("keyId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_userId_key" ON "ApiClient"("userId");

-- CreateIndex
CREATE INDEX "ApiClient_bankId_idx" ON "ApiClient"("bankId");

-- CreateIndex
CREATE INDEX "ApiClient_issuedById_idx" ON "ApiClient"("issuedById");

-- CreateIndex
CREATE INDEX "ApiNonce_usedAtMs_idx" ON "ApiNonce"("usedAtMs");

-- CreateIndex
CREATE INDEX "ApiRateWindow_minute_idx" ON "ApiRateWindow"("minute");

-- CreateIndex
CREATE INDEX "ApiIdempotencyKey_createdAt_idx" ON "ApiIdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiIdempotencyKey_clientId_key_key" ON "ApiIdempotencyKey"("clientId", "key");

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_bankId_fkey" FOREIGN KEY ("bankId") REFERENCES "Bank"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiNonce" ADD CONSTRAINT "ApiNonce_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiRateWindow" ADD CONSTRAINT "ApiRateWindow_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiIdempotencyKey" ADD CONSTRAINT "ApiIdempotencyKey_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

