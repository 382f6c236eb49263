import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const createReleaseBody = z
  .strictObject({
    from: z.enum(["template", "clone"]).meta({ description: "The built-in GA template, or a copy of another release" }),
    sourceReleaseId: z.uuid().optional().meta({ description: "The release to copy; required with from=clone" }),
    version: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[\w.+-]+$/, "Use letters, digits, '.', '-', '+' or '_'"),
    launchAt: isoDateTime.meta({ description: "The new launch (cutover) time; every planned time moves with it" }),
    timezone: z.string().min(1).max(64).meta({ description: "IANA time zone, e.g. Asia/Seoul" }),
  })
  .refine((body) => body.from !== "clone" || body.sourceReleaseId, { message: "Name the release to clone", path: ["sourceReleaseId"] })
  .meta({ id: "CreateRelease" });
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;
