import type { AnnouncementChannel, AnnouncementLocale } from "./announcements.validation";

// Starting text for the template's communication plan, in both languages.
// `{name}` and `{version}` are replaced with the release's. Marketing edits
// these in the calendar; they only need to be a sensible first draft.
interface SeedText {
  long: Record<AnnouncementLocale, string>;
  // Social posts: within 280 characters.
  short?: Record<AnnouncementLocale, string>;
}

const texts: Record<string, SeedText> = {
  "internal.team-briefing": {
    long: {
      ko: "## 배포 전 전체 팀 브리핑\n\n- 배포 일정과 역할 분담 확인\n- 롤백 기준과 절차 재확인\n- 비상 연락망 점검\n\n모든 팀은 참석해 주세요.",
      en: "## Whole-team briefing before deployment\n\n- Walk through the schedule and who does what\n- Review the rollback criteria and procedure\n- Check the emergency contact list\n\nEvery team please attend.",
    },
  },
  "internal.live-status": {
    long: {
      ko: "{name} {version} 배포를 시작합니다. 진행 상황은 이 채널에서 실시간으로 공유합니다.",
      en: "The {name} {version} deployment is starting. Progress is shared live in this channel.",
    },
  },
  "internal.results-report": {
    long: {
      ko: "## 배포 결과 보고\n\n{name} {version} 배포 결과와 검증 및 모니터링 결과를 공유합니다. 이슈와 후속 조치는 회의에서 논의합니다.",
      en: "## Deployment results\n\nThe results of the {name} {version} deployment, with verification and monitoring findings. Issues and follow-ups are discussed in the meeting.",
    },
  },
  "external.advance-notice": {
    long: {
      ko: "## {name} 출시 예정 안내\n\n곧 {name} {version}을(를) 정식 출시합니다. 베타 기간 동안 보내주신 의견을 반영했습니다.\n\n출시 당일 새벽에는 서비스가 중단 없이 전환됩니다.",
      en: "## {name} is coming soon\n\n{name} {version} will soon be generally available, with the feedback you gave us during the beta.\n\nThe switch happens early in the morning without downtime.",
    },
    short: {
      ko: "{name} {version} 정식 출시가 곧 시작됩니다! 베타 기간의 의견을 모두 반영했습니다.",
      en: "{name} {version} goes GA soon! Everything you told us during the beta is in it.",
    },
  },
  "external.launch-notice": {
    long: {
      ko: "## {name} 정식 출시\n\n{name} {version}이(가) 정식 출시되었습니다. 지금 바로 만나보세요.\n\n베타에 참여해 주신 모든 분께 감사드립니다.",
      en: "## {name} is now generally available\n\n{name} {version} is live. Try it today.\n\nThank you to everyone who took part in the beta.",
    },
    short: {
      ko: "{name} {version} 정식 출시! 지금 바로 만나보세요. 베타에 참여해 주신 모든 분께 감사드립니다.",
      en: "{name} {version} is now GA! Try it today. Thank you to everyone who joined the beta.",
    },
  },
  "external.patch-notice": {
    long: {
      ko: "## 안정화 패치 안내\n\n{name} {version} 출시 후 발견된 문제를 해결하는 안정화 패치를 배포합니다.",
      en: "## Stabilisation patch\n\nWe are shipping a stabilisation patch for issues found after the {name} {version} launch.",
    },
  },
};

const pressTitles: Record<AnnouncementLocale, string> = { ko: "보도 자료", en: "Press release" };

export function seedTitle(title: string, channel: AnnouncementChannel, locale: AnnouncementLocale): string {
  return channel === "press" ? `${pressTitles[locale]}: ${title}` : title;
}

export function seedBody(key: string, channel: AnnouncementChannel, locale: AnnouncementLocale, release: { name: string; version: string }): string {
  const text = texts[key];
  if (!text) return "";
  const source = channel === "social" ? (text.short ?? text.long)[locale] : text.long[locale];
  return source.replaceAll("{name}", release.name).replaceAll("{version}", release.version);
}
