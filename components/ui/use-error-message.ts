"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { isApiError } from "@/lib/client/api";

const knownCodes = [
  "NETWORK",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VERSION_CONFLICT",
  "SELF_APPROVAL",
  "PRECONDITION_FAILED",
  "VALIDATION_FAILED",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;
type KnownCode = (typeof knownCodes)[number];

function isKnownCode(code: string): code is KnownCode {
  return (knownCodes as readonly string[]).includes(code);
}

// The server's messages are written for developers in English; the UI says
// what a code means in the viewer's language and keeps the server's text for
// anything it does not know.
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
    if (isApiError(error)) {
      if (isKnownCode(error.code)) return t(error.code);
      if (error.status >= 500) return t("SERVER");
      return error.message;
    }
    return t("SERVER");
    },
    [t],
  );
}
