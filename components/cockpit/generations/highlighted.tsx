/** Renders ts_headline output, whose hits are wrapped in << and >>, with <mark>: no HTML is trusted. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(<<[^<>]*>>)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith("<<") && part.endsWith(">>") ? (
          <mark key={index} className="bg-amber-100">
            {part.slice(2, -2)}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}
