/** Renders ts_headline output, whose hits are wrapped in << and >>, with <mark>: no HTML is trusted. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(<<[^<>]*>>)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("<<") && part.endsWith(">>") ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <mark key={index} className="bg-amber-100">
            {part.slice(2, -2)}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
