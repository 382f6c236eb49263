"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { getProviders, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";

type Failure = "invalid" | "rateLimited" | "oidc" | "unknown";

interface SignInFormProps {
  callbackUrl: string;
  // next-auth sends the browser back with ?error=… when an OIDC sign-in fails.
  initialError: string | null;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(initialError ? failureFromCode(initialError) : null);
  const oidcName = useOidcProviderName();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setFailure(result?.status === 429 ? "rateLimited" : failureFromCode(result?.error ?? ""));
    } catch {
      setFailure("unknown");
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-4">
      {failure ? (
        <Alert tone="danger" testId="sign-in-error">
          {t(`errors.${failure}`)}
        </Alert>
      ) : null}
      <form onSubmit={submit} className="flex flex-col gap-3">
        <Field label={t("email")} htmlFor="sign-in-email">
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className={controlClass}
          />
        </Field>
        <Field label={t("password")} htmlFor="sign-in-password">
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className={controlClass}
          />
        </Field>
        <Button type="submit" variant="primary" disabled={pending} className="mt-1 w-full">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {oidcName ? (
        <>
          <div className="flex items-center gap-2 text-[12px] text-ink-faint">
            <span className="h-px flex-1 bg-line" />
            {t("or")}
            <span className="h-px flex-1 bg-line" />
          </div>
          <Button onClick={() => void signIn("oidc", { callbackUrl })} className="w-full">
            {t("oidc", { provider: oidcName })}
          </Button>
        </>
      ) : null}
    </div>
  );
}

function useOidcProviderName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    getProviders()
      .then((providers) => {
        if (active) setName(providers?.oidc?.name ?? null);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, []);
  return name;
}

function failureFromCode(code: string): Failure {
  if (code === "CredentialsSignin") return "invalid";
  if (code === "RateLimited" || code === "RATE_LIMITED") return "rateLimited";
  if (code.startsWith("OAuth") || code === "Callback" || code === "AccessDenied") return "oidc";
  return "unknown";
}
