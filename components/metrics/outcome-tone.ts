import type { Tone } from "@/components/ui/badge";
import type { Outcome } from "@/lib/client/types";

export const outcomeTone: Record<Outcome, Tone> = { pass: "ok", fail: "danger", inconclusive: "warn" };
