import { DefaultReleaseRedirect } from "@/components/release/default-release-redirect";

export default function HomePage() {
  return <DefaultReleaseRedirect />;
}
