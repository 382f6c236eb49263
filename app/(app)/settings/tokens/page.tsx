import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TokensView } from "@/components/tokens/tokens-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default function TokensPage() {
  return <TokensView />;
}
