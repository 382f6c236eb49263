import { route } from "@/lib/http/handler";
import { abortOperation } from "@/lib/operations/control-operation";
import { operationParams } from "@/lib/operations/operations.validation";

export const POST = route({ permission: "operation.control", params: operationParams }, async ({ actor, params }) => ({
  operation: await abortOperation(actor, params.releaseId, params.operationId),
}));
