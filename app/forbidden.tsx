import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-medium text-rose-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold">Your role cannot open this page</h1>
      <p className="mt-3 text-slate-600">Ask an admin if you need access.</p>
      <Link href="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to your home
      </Link>
    </main>
  );
}
