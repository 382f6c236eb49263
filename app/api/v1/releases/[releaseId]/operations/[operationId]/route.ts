import { route } from "@/lib/http/handler";
import { getOperation } from "@/lib/operations/operation-dto";
import { operationParams } from "@/lib/operations/operations.validation";

export const GET = route({ permission: "release.read", params: operationParams }, async ({ params }) => ({
  operation: await getOperation(params.releaseId, params.operationId),
}));
