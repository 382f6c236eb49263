import { route } from "@/lib/http/handler";
import { resumeOperation } from "@/lib/operations/control-operation";
import { operationParams } from "@/lib/operations/operations.validation";

export const POST = route({ permission: "operation.control", params: operationParams }, async ({ actor, params }) => ({
  operation: await resumeOperation(actor, params.releaseId, params.operationId),
}));
