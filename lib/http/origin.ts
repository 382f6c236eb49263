const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutating(method: string): boolean {
  return mutatingMethods.has(method.toUpperCase());
}

// Cookie-authenticated changes must come from our own pages (CSRF defence).
// Browsers send Origin on every non-GET fetch and Sec-Fetch-Site on modern
// engines; a client that sends neither is not a browser and cannot be tricked
// into sending the cookie, so it is let through.
export function isCrossOrigin(headers: Headers): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
