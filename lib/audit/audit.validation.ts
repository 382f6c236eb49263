import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const auditQuery = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.string().trim().min(1).max(100).optional().meta({ description: "Prefix match, e.g. checklist." }),
  cursor: z.string().regex(/^\d{1,19}$/).optional().meta({ description: "nextCursor from the previous page" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventSchema = z
  .object({
    id: z.string().meta({ description: "Opaque, increasing" }),
    seq: z.int().nullable(),
    at: isoDateTime,
    actor: z.object({ id: z.uuid().nullable(), label: z.string() }),
    via: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditListResponse = z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditList = z.infer<typeof auditListResponse>;
