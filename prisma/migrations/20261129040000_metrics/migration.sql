-- AlterTable
ALTER TABLE "Criterion" ADD COLUMN     "environment" TEXT NOT NULL DEFAULT 'green',
ADD COLUMN     "baseline" TEXT,
ADD COLUMN     "relativePercent" DOUBLE PRECISION,
ADD COLUMN     "intervalSec" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "failureLimit" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "consecutiveBreaches" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "inconclusiveLimit" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "isKey" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "dryRun" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'none';

-- CreateTable
CREATE TABLE "MetricSample" (
    "id" BIGSERIAL NOT NULL,
    "releaseId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "resolution" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MetricSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricSourceStatus" (
    "id" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "lastSampleAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MetricSourceStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionEvaluation" (
    "id" BIGSERIAL NOT NULL,
    "criterionId" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "operationId" UUID,

    CONSTRAINT "CriterionEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyntheticCheck" (
    "id" UUID NOT NULL,
    "releaseId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "expectStatus" INTEGER NOT NULL DEFAULT 200,
    "expectBody" TEXT,
    "intervalSec" INTEGER NOT NULL DEFAULT 60,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastOk" BOOLEAN,
    "lastDetail" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SyntheticCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MetricSample_releaseId_metric_environment_at_idx" ON "MetricSample"("releaseId", "metric", "environment", "at");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSourceStatus_releaseId_source_key" ON "MetricSourceStatus"("releaseId", "source");

-- CreateIndex
CREATE INDEX "CriterionEvaluation_criterionId_at_idx" ON "CriterionEvaluation"("criterionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SyntheticCheck_releaseId_key_key" ON "SyntheticCheck"("releaseId", "key");

-- AddForeignKey
ALTER TABLE "MetricSample" ADD CONSTRAINT "MetricSample_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricSourceStatus" ADD CONSTRAINT "MetricSourceStatus_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionEvaluation" ADD CONSTRAINT "CriterionEvaluation_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionEvaluation" ADD CONSTRAINT "CriterionEvaluation_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyntheticCheck" ADD CONSTRAINT "SyntheticCheck_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;
