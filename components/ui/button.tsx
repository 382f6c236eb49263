import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/client/cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md" | "icon";

const variants: Record<Variant, string> = {
  primary: "bg-accent-solid text-on-accent hover:brightness-110 border border-transparent",
  secondary: "bg-surface text-ink border border-line-strong hover:bg-subtle",
  ghost: "bg-transparent text-ink-muted border border-transparent hover:bg-subtle hover:text-ink",
  danger: "bg-surface text-danger border border-line-strong hover:bg-danger-soft",
};

const sizes: Record<Size, string> = {
  sm: "h-7 px-2 text-[13px] gap-1",
  md: "h-8 px-3 text-[13px] gap-1.5",
  icon: "size-7",
};

export function buttonClass(variant: Variant = "secondary", size: Size = "md"): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-50",
    variants[variant],
    sizes[size],
  );
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
}

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonClass(variant, size), className)} {...props} />;
}
