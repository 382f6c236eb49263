import { createApiToken, listApiTokens } from "@/lib/auth/tokens";
import { createTokenBody } from "@/lib/auth/tokens.validation";
import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";

export const GET = route({ permission: "token.manage" }, async ({ user }) => ({ tokens: await listApiTokens(user.id) }));

// The secret is shown once, here; only its hash is stored.
export const POST = route({ permission: "token.manage", body: createTokenBody }, async ({ user, actor, body }) =>
  json(await createApiToken(actor, user.id, body), 201),
);
