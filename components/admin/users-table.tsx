"use client";

import { useTranslations } from "next-intl";
import { useUpdateUser } from "@/components/hooks/use-users";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlBase } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import { cn } from "@/lib/client/cn";
import { roles, type Role, type User, type UserPatch } from "@/lib/client/types";

interface UsersTableProps {
  users: User[];
  meId: string;
  // null after a successful change, the error after a failed one.
  onResult: (error: unknown) => void;
}

export function UsersTable({ users, meId, onResult }: UsersTableProps) {
  const t = useTranslations("admin");
  return (
    <div className="rounded-lg border border-line bg-surface">
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("columns.name")}</Th>
            <Th>{t("columns.email")}</Th>
            <Th>{t("columns.role")}</Th>
            <Th>{t("columns.status")}</Th>
            <Th className="hidden lg:table-cell">{t("columns.created")}</Th>
            <Th>
              <span className="sr-only">{t("columns.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isMe={user.id === meId} onResult={onResult} />
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function UserRow({ user, isMe, onResult }: { user: User; isMe: boolean; onResult: (error: unknown) => void }) {
  const t = useTranslations("admin");
  const tRoles = useTranslations("roles");
  const dates = useDateFormat();
  const update = useUpdateUser();
  const active = user.active !== false;
  // An admin changing their own role or deactivating themselves could lock everyone out.
  const locked = isMe || update.isPending;

  const change = (patch: Omit<UserPatch, "version">) =>
    update.mutate(
      { id: user.id, patch: { version: user.version ?? 1, ...patch } },
      { onSuccess: () => onResult(null), onError: onResult },
    );

  return (
    <tr data-testid={`user-${user.email}`} className={cn(!active && "text-ink-muted")}>
      <Td className="font-medium whitespace-nowrap">
        {user.name}
        {isMe ? (
          <Badge tone="accent" className="ml-1.5">
            {t("you")}
          </Badge>
        ) : null}
      </Td>
      <Td className="whitespace-nowrap">{user.email}</Td>
      <Td>
        <select
          aria-label={t("roleFor", { name: user.name })}
          value={user.role}
          disabled={locked}
          title={isMe ? t("selfLocked") : undefined}
          onChange={(event) => {
            const role = roles.find((candidate) => candidate === event.target.value);
            if (role) change({ role });
          }}
          className={cn(controlBase, "h-7 w-44")}
        >
          {roles.map((role: Role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
      </Td>
      <Td>
        <Badge tone={active ? "ok" : "muted"}>{active ? t("active") : t("inactive")}</Badge>
      </Td>
      <Td className="hidden whitespace-nowrap tabular-nums lg:table-cell">{user.createdAt ? dates.date(user.createdAt) : "—"}</Td>
      <Td className="text-right">
        <Button
          size="sm"
          disabled={locked}
          title={isMe ? t("selfLocked") : undefined}
          onClick={() => change({ active: !active })}
          aria-label={active ? t("deactivateUser", { name: user.name }) : t("activateUser", { name: user.name })}
        >
          {active ? t("deactivate") : t("activate")}
        </Button>
      </Td>
    </tr>
  );
}
