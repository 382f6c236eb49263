import { route } from "@/lib/http/handler";
import { updateUser } from "@/lib/users/update-user";
import { updateUserBody, userParams } from "@/lib/users/users.validation";

export const PATCH = route({ permission: "user.manage", params: userParams, body: updateUserBody }, async ({ actor, params, body }) => ({
  user: await updateUser(actor, params.userId, body),
}));
