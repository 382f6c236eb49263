"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";

export function TokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useTranslations("tokens.secret");
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section
      aria-labelledby="token-secret-heading"
      className="flex flex-col gap-3 rounded-lg border border-ok/40 bg-ok-soft p-4"
    >
      <h2 id="token-secret-heading" className="text-[13px] font-semibold text-ok">
        {t("title", { name })}
      </h2>
      <p className="text-[13px] text-ink">{t("once")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="token-secret"
          className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 font-mono text-[13px] break-all text-ink select-all"
        >
          {secret}
        </code>
        <Button onClick={() => void copy()}>
          <CopyIcon />
          {t("copy")}
        </Button>
      </div>
      <p role="status" className="min-h-4 text-[12px] text-ink-muted">
        {copied === true ? t("copied") : copied === false ? t("copyFailed") : ""}
      </p>
      <div>
        <Button variant="primary" onClick={onDone}>
          {t("done")}
        </Button>
      </div>
    </section>
  );
}
