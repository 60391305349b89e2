import type { ButtonHTMLAttributes } from "react";

type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
type ButtonSize = "xs" | "sm" | "md" | "lg";

const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary: "rounded bg-indigo-600 text-white hover:bg-indigo-700",
  secondary: "rounded border border-slate-300 hover:bg-slate-50",
  danger: "rounded bg-rose-600 text-white hover:bg-rose-700",
  ghost: "text-indigo-700 hover:underline",
};

const SIZE_CLASSES: Record<ButtonSize, { padding: string; text: string }> = {
  xs: { padding: "px-2 py-0.5", text: "text-xs" },
  sm: { padding: "px-2 py-1", text: "text-sm" },
  md: { padding: "px-3 py-1.5", text: "text-sm" },
  lg: { padding: "px-4 py-2", text: "text-sm font-medium" },
};

const DISABLED_CLASSES = "disabled:cursor-not-allowed disabled:opacity-50";

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/** A button's classes, for the links that look like buttons. Ghost buttons read as links: no padding. */
export function buttonClasses({ variant = "secondary", size = "sm", className }: ButtonLook = {}): string {
  const { padding, text } = SIZE_CLASSES[size];
  return [VARIANT_CLASSES[variant], variant === "ghost" ? "" : padding, text, DISABLED_CLASSES, className].filter(Boolean).join(" ");
}

type ButtonProps = ButtonLook & ButtonHTMLAttributes<HTMLButtonElement>;

/** A button (type "button" unless told otherwise); every other prop goes to the <button>. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
