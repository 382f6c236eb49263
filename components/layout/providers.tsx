"use client";

import { useState, type ReactNode } from "react";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { isApiError } from "@/lib/client/api";
import { ThemeProvider } from "./theme";
import { TimeZoneSync } from "./time-zone-sync";
import type { ThemePreference } from "./theme-script";

export function Providers({ theme, children }: { theme: ThemePreference; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ThemeProvider initial={theme}>
      <QueryClientProvider client={queryClient}>
        <TimeZoneSync />
        {children}
      </QueryClientProvider>
    </ThemeProvider>
  );
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not get better by asking again.
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}

// The session expired or the account was deactivated: back to sign-in,
// returning here afterwards.
function redirectWhenSignedOut(error: unknown) {
  if (!isApiError(error) || error.status !== 401 || window.location.pathname === "/sign-in") return;
  const callbackUrl = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
}
