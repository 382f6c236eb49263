import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { listOperations } from "@/lib/operations/operation-dto";
import { releaseParams, startOperationBody } from "@/lib/operations/operations.validation";
import { startOperation } from "@/lib/operations/start-operation";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  operations: await listOperations(params.releaseId),
}));

// 201 for a new operation, 200 when the idempotency key names an existing one.
export const POST = route({ permission: "operation.start", params: releaseParams, body: startOperationBody }, async ({ user, actor, params, body }) => {
  const { operation, created } = await startOperation(actor, user, params.releaseId, body);
  return json({ operation }, created ? 201 : 200);
});
