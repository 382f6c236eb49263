import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, isTimeZone, localeCookie, localeFromAcceptLanguage, timeZoneCookie } from "./config";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const chosen = cookieStore.get(localeCookie)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(headerList.get("accept-language"));
  // The browser reports its zone through a cookie (components/layout/time-zone-sync.tsx)
  // so server and client render times identically.
  const zone = cookieStore.get(timeZoneCookie)?.value;
  return {
    locale,
    timeZone: isTimeZone(zone) ? zone : "UTC",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
