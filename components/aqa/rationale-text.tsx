import type { MarkedRationale, RationaleMarkKind, RationalePiece } from "@/lib/aqa-review/rationale-marks";

const STYLE: Record<RationaleMarkKind, string> = {
  difficulty: "bg-amber-100",
  "judge-score": "bg-sky-100",
  "final-score": "bg-indigo-100 font-semibold",
  "sub-action": "underline decoration-emerald-500 decoration-2 underline-offset-2",
  "arithmetic-ok": "text-emerald-800",
  "flagged-statement": "underline decoration-wavy decoration-rose-500",
  "arithmetic-flag": "bg-rose-200 text-rose-900 font-semibold",
};

const LEGEND: [RationaleMarkKind, string][] = [
  ["difficulty", "difficulty"],
  ["judge-score", "judges' marks"],
  ["final-score", "final score"],
  ["sub-action", "sub-action"],
  ["arithmetic-ok", "arithmetic checked"],
  ["arithmetic-flag", "arithmetic wrong"],
];

/** The rationale with the extracted numbers highlighted and each arithmetic flag right after its claim. */
export function RationaleText({ rationale }: { rationale: MarkedRationale }) {
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2 text-xs" aria-label="Highlight legend">
        {LEGEND.map(([kind, label]) => (
          <li key={kind} className={`rounded px-1.5 ${STYLE[kind]}`}>
            {label}
          </li>
        ))}
      </ul>
      <p className="whitespace-pre-wrap leading-7" data-testid="rationale">
        {rationale.pieces.map((piece) => (
          <Piece key={piece.start} piece={piece} />
        ))}
      </p>
      <p className="text-xs text-slate-500">
        {rationale.checks} arithmetic claim{rationale.checks === 1 ? "" : "s"} recomputed, {rationale.flags.length} inconsistent.
      </p>
    </div>
  );
}

function Piece({ piece }: { piece: RationalePiece }) {
  const text =
    piece.marks.length === 0 ? (
      piece.text
    ) : (
      <span
        className={piece.marks.map((m) => STYLE[m.kind]).join(" ")}
        title={piece.marks.map((m) => m.title).join("\n")}
        data-marks={piece.marks.map((m) => m.kind).join(" ")}
      >
        {piece.text}
      </span>
    );
  return (
    <>
      {text}
      {piece.flagsAfter.map((flag) => (
        <span
          key={flag.number}
          role="note"
          className="mx-1 rounded bg-rose-600 px-1.5 py-0.5 text-xs font-medium text-white"
          title={flag.sentence}
          data-testid="arithmetic-flag"
        >
          ✗ {flag.number}: {flag.message}
        </span>
      ))}
    </>
  );
}
