import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserBody } from "@/lib/users/users.validation";

// Every signed-in user may list (the assignee picker); the shape depends on the role.
export const GET = route({}, async ({ user }) => ({ users: await listUsers(user) }));

export const POST = route({ permission: "user.manage", body: createUserBody }, async ({ actor, body }) =>
  json({ user: await createUser(actor, body) }, 201),
);
