import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackUrl } from "@/lib/client/safe-redirect";
import { SignInForm } from "@/components/sign-in/sign-in-form";
import { PreferenceControls } from "@/components/layout/preference-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [params, session, t] = await Promise.all([searchParams, getServerSession(authOptions), getTranslations()]);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (session?.user?.id) redirect(callbackUrl);

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="text-[13px] font-semibold">{t("app.name")}</span>
        <PreferenceControls />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[12vh] pb-12">
        <div className="w-full max-w-sm rounded-lg border border-line bg-surface p-6">
          <h1 className="text-[18px] font-semibold">{t("signIn.title")}</h1>
          <p className="mt-1 mb-5 text-[13px] text-ink-muted">{t("signIn.subtitle")}</p>
          <SignInForm callbackUrl={callbackUrl} initialError={first(params.error) ?? null} />
        </div>
      </main>
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
