"use client";

import { isApiError } from "@/lib/client/api";
import { Alert } from "./alert";
import { useErrorMessage } from "./use-error-message";

// The localised meaning of the error, plus the server's per-field reasons
// for a validation failure.
export function FormError({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  const issues = isApiError(error) && error.code === "VALIDATION_FAILED" ? validationIssues(error.details) : [];
  return (
    <Alert tone="danger">
      <p>{errorMessage(error)}</p>
      {issues.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function validationIssues(details: unknown): string[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === "object" && details !== null && "issues" in details && Array.isArray(details.issues)
      ? details.issues
      : [];
  return list.flatMap((issue: unknown) => {
    if (typeof issue !== "object" || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof message !== "string") return [];
    return [Array.isArray(path) && path.length > 0 ? `${path.join(".")}: ${message}` : message];
  });
}
