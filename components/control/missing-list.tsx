import { isApiError } from "@/lib/client/api";

// The server's `details.missing` of a PRECONDITION_FAILED answer: strings, or
// objects with a message.
export function missingFromError(error: unknown): string[] | null {
  if (!isApiError(error) || error.code !== "PRECONDITION_FAILED") return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("missing" in details) || !Array.isArray(details.missing)) {
    return [error.message];
  }
  return details.missing.flatMap((entry: unknown) => {
    if (typeof entry === "string") return [entry];
    if (typeof entry === "object" && entry !== null && "message" in entry && typeof entry.message === "string") return [entry.message];
    return [];
  });
}

export function MissingList({ items, testId }: { items: string[]; testId?: string }) {
  return (
    <ul data-testid={testId} className="flex list-disc flex-col gap-0.5 pl-4 text-[12px] text-ink-muted">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
