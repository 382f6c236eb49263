"use client";

import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import { Button } from "./button";
import { CloseIcon } from "./icons";
import { useModalDialog } from "./use-modal-dialog";

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  // A dangerous action gets a red top edge, so it never looks routine.
  tone?: "default" | "danger";
  testId?: string;
}

// A centred modal on the native <dialog>, like Drawer: focus trapped, Escape
// closes, the page behind inert, focus returned on close.
export function Dialog({ open, title, onClose, children, footer, tone = "default", testId }: DialogProps) {
  const t = useTranslations("common");
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40",
        tone === "danger" && "border-t-4 border-t-danger",
      )}
    >
      {open ? (
        <div className="flex flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-line px-4 py-3">
            <h2 id={titleId} className="text-[14px] font-semibold">
              {title}
            </h2>
            <Button variant="ghost" size="icon" onClick={onClose} aria-label={t("close")}>
              <CloseIcon />
            </Button>
          </div>
          <div className="px-4 py-4">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-line px-4 py-3">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
