import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { gaReleaseTemplate, type ReleaseTemplate } from "@/lib/template/load-template";
import { applyOffset } from "@/lib/template/zoned-time";
import type { AnnouncementChannel, AnnouncementCondition, AnnouncementLocale } from "./announcements.validation";
import { seedBody, seedTitle } from "./seed-text";

type TemplateCommunication = ReleaseTemplate["communication"][number];

const channelOf: Record<TemplateCommunication["channels"][number], AnnouncementChannel> = {
  email: "email",
  website: "website",
  social: "social",
  press: "press",
  slack: "slack",
  meeting: "internal_meeting",
};

// Which notices wait for what: the launch notice only once the cutover has
// succeeded (and was not rolled back); a conditional one (the patch notice)
// starts as a draft that only goes out while the release is live.
function conditionFor(item: TemplateCommunication): AnnouncementCondition | null {
  if (item.key === "external.launch-notice") return "after_cutover_succeeded";
  if (item.conditional) return "while_live";
  return null;
}

const locales: readonly AnnouncementLocale[] = ["ko", "en"];

// The template's communication plan as announcements: one per item, channel
// and language, keyed `<item>.<channel>.<locale>` (e.g.
// `external.launch-notice.email.en`). Runs in the caller's transaction; keys
// that exist are left alone, so it also completes releases created before
// announcements existed. Returns the keys it created.
export async function ensureAnnouncements(tx: Tx, releaseId: string, template: ReleaseTemplate = gaReleaseTemplate): Promise<string[]> {
  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { version: true, nameKo: true, nameEn: true, timezone: true, windowStart: true },
  });
  const launchAt = launchAtOf(release.windowStart, template, release.timezone);
  const rows: Prisma.AnnouncementCreateManyInput[] = template.communication.flatMap((item) =>
    item.channels.flatMap((templateChannel) =>
      locales.map((locale) => {
        const channel = channelOf[templateChannel];
        const name = locale === "ko" ? release.nameKo : release.nameEn;
        return {
          releaseId,
          key: `${item.key}.${templateChannel}.${locale}`,
          channel,
          audience: item.audience,
          locale,
          title: seedTitle(item.title[locale], channel, locale),
          body: seedBody(item.key, channel, locale, { name, version: release.version }),
          scheduledAt: applyOffset(launchAt, item.at, release.timezone),
          status: item.conditional ? "draft" : "scheduled",
          condition: conditionFor(item),
          phaseKey: item.phaseKey ?? null,
        };
      }),
    ),
  );
  const created = await tx.announcement.createManyAndReturn({ data: rows, skipDuplicates: true, select: { key: true } });
  return created.flatMap((row) => (row.key ? [row.key] : []));
}

// The template places the window relative to the launch; undo that offset.
function launchAtOf(windowStart: Date, template: ReleaseTemplate, timeZone: string): Date {
  const { days, hours, minutes } = template.launchWindow.start;
  return applyOffset(windowStart, { days: -(days ?? 0), hours: -(hours ?? 0), minutes: -(minutes ?? 0) }, timeZone);
}
