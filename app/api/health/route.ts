import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// Public and never throws: load balancers and the UI poll it to tell
// "server up, database down" from "server down".
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
