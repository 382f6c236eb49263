"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed } from "@/components/hooks/use-calendar-feeds";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { CopyIcon } from "@/components/ui/icons";
import { Panel } from "@/components/ui/panel";
import { useDateFormat } from "@/components/ui/use-date-format";

// The secret feed URL is shown once, right after it is made (only its hash is
// stored); the list below names the feeds by date so a leaked one can be
// revoked. The download needs no secret: it uses the session.
export function SubscribePanel({ releaseId }: { releaseId: string }) {
  const t = useTranslations("calendar.subscribe");
  const locale = useLocale();
  const dates = useDateFormat();
  const feeds = useCalendarFeeds(releaseId);
  const create = useCreateCalendarFeed(releaseId);
  const revoke = useRevokeCalendarFeed(releaseId);
  const [copied, setCopied] = useState(false);
  const lang = locale === "ko" ? "ko" : "en";
  const feedUrl = create.data ? `${create.data.url}?lang=${lang}` : null;

  async function copy() {
    if (!feedUrl) return;
    await navigator.clipboard.writeText(feedUrl);
    setCopied(true);
  }

  return (
    <Panel title={t("title")} id="calendar-subscribe">
      <div className="flex flex-col gap-3 text-[13px]" data-testid="calendar-subscribe">
        <p className="text-ink-muted">{t("description")}</p>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/v1/releases/${encodeURIComponent(releaseId)}/calendar.ics?lang=${lang}`}
            download
            className={buttonClass("secondary", "sm")}
            data-testid="calendar-download-ics"
          >
            {t("download")}
          </a>
          <Button size="sm" variant="primary" disabled={create.isPending} onClick={() => create.mutate()} data-testid="calendar-create-feed">
            {create.isPending ? t("creating") : t("create")}
          </Button>
        </div>
        {create.error ? <FormError error={create.error} /> : null}
        {feedUrl ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="calendar-feed-url" className="text-[12px] font-medium text-ink-muted">
              {t("urlLabel")}
            </label>
            <div className="flex gap-1">
              <input
                id="calendar-feed-url"
                readOnly
                value={feedUrl}
                onFocus={(event) => event.currentTarget.select()}
                className="h-8 min-w-0 flex-1 rounded-md border border-line-strong bg-canvas px-2 font-mono text-[12px]"
                data-testid="calendar-feed-url"
                aria-describedby="calendar-feed-hint"
              />
              <Button size="sm" onClick={() => void copy()} aria-live="polite">
                <CopyIcon />
                {copied ? t("copied") : t("copy")}
              </Button>
            </div>
            <p id="calendar-feed-hint" className="text-[12px] text-ink-faint">
              {t("urlHint")}
            </p>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <h3 className="text-[12px] font-medium text-ink-muted">{t("feeds")}</h3>
          {feeds.data && feeds.data.length > 0 ? (
            <ul className="flex flex-col gap-1">
              {feeds.data.map((feed) => (
                <li key={feed.id} className="flex items-center justify-between gap-2 text-[12px]">
                  <span className={feed.revokedAt ? "text-ink-faint line-through" : ""}>{t("feedCreated", { time: dates.dateTime(feed.createdAt) })}</span>
                  {feed.revokedAt ? (
                    <span className="text-ink-faint">{t("revoked", { time: dates.dateTime(feed.revokedAt) })}</span>
                  ) : (
                    <Button
                      size="sm"
                      variant="danger"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(feed.id)}
                      aria-label={t("revokeLabel", { time: dates.dateTime(feed.createdAt) })}
                    >
                      {t("revoke")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-[12px] text-ink-faint">{t("noFeeds")}</p>
          )}
        </div>
      </div>
    </Panel>
  );
}
