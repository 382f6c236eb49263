import { checkHealth } from "@/lib/health/check-health";
import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Public and never throws: load balancers and the UI poll it to tell
// "server up, database down" from "server down".
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return json(health, health.status === "ok" ? 200 : 503);
}
