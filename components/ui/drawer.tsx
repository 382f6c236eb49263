"use client";

import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { CloseIcon } from "./icons";
import { useModalDialog } from "./use-modal-dialog";

interface DrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
}

// A side sheet on the native <dialog>: the browser traps focus, closes it on
// Escape, makes the page behind inert and gives focus back when it closes.
export function Drawer({ open, title, onClose, children, footer }: DrawerProps) {
  const t = useTranslations("common");
  const ref = useModalDialog(open);
  // Unique, so a drawer opened from a page with another never borrows its title.
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-md border-l border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40 sm:w-[28rem]"
    >
      {open ? (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-line px-4 py-3">
            <h2 id={titleId} className="text-[14px] font-semibold">
              {title}
            </h2>
            <Button variant="ghost" size="icon" onClick={onClose} aria-label={t("close")}>
              <CloseIcon />
            </Button>
          </div>
          {/* Focusable so a keyboard user can scroll a long, read-only body. */}
          <div tabIndex={0} aria-labelledby={titleId} className="flex-1 overflow-y-auto px-4 py-4">
            {children}
          </div>
          {footer ? <div className="flex justify-end gap-2 border-t border-line px-4 py-3">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
