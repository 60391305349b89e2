import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Video-STaR Studio", template: "%s · Video-STaR Studio" },
  description: "Self-train video language models with Video-STaR and audit what they generate.",
  // SVG where the browser takes it; the .ico for the rest (and for /favicon.ico asked for directly);
  // a 180 px PNG for iOS home screens, also at /apple-touch-icon.png, where Safari looks unasked.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180", type: "image/png" }],
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
