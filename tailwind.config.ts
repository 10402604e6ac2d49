import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: {
    extend: {
      fontFamily: {
        sans: ["var(--font-geist-sans)", "system-ui", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
      colors: {
        ferry: { 50: "#eef7ff", 100: "#d9edff", 500: "#2f7cf6", 600: "#1f63d8", 700: "#1b4fae", 900: "#152b57" },
      },
    },
  },
} satisfies Config;
