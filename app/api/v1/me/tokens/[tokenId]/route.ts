import { revokeApiToken } from "@/lib/auth/tokens";
import { tokenParams } from "@/lib/auth/tokens.validation";
import { route } from "@/lib/http/handler";

export const DELETE = route({ permission: "token.manage", params: tokenParams }, async ({ user, actor, params }) => ({
  token: await revokeApiToken(actor, params.tokenId, user.id),
}));
