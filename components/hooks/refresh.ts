import type { InvalidateQueryFilters, QueryClient } from "@tanstack/react-query";

// Refetches what `filters` matches without cancelling a read already in
// flight: during an operation, events come faster than a slow read answers,
// and cancelling at each one would starve the page of any answer. A read that
// was already under way may predate the change, so one more follows it.
export function refreshKeepingInFlight(queryClient: QueryClient, filters: InvalidateQueryFilters): void {
  const readUnderWay = queryClient.isFetching(filters) > 0;
  const settled = queryClient.invalidateQueries(filters, { cancelRefetch: false });
  if (readUnderWay) void settled.then(() => queryClient.invalidateQueries(filters, { cancelRefetch: false }));
}
