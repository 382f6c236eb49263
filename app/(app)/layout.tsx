import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { AppShell } from "@/components/layout/app-shell";

// Pages only render for a signed-in user; the API re-checks every request.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) redirect("/sign-in");
  return <AppShell>{children}</AppShell>;
}
