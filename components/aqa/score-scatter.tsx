"use client";

import { useRouter } from "next/navigation";
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ScorePoint } from "@/lib/aqa-review/cycle-review";
import { SimulatedBadge } from "@/components/ui/badge";
import { formatScore } from "./format";

interface PointShapeProps {
  cx?: number;
  cy?: number;
  payload?: ScorePoint;
}

/**
 * Predicted against true score, one point per answer that states a score; the diagonal is a perfect
 * prediction. Points with arithmetic flags are red. Each point is a link to its dive.
 */
export function ScoreScatter({ points }: { points: ScorePoint[] }) {
  const router = useRouter();
  if (points.length === 0) return <p className="text-sm text-slate-500">No answer states a final score.</p>;
  const values = points.flatMap((p) => [p.trueScore, p.predictedScore]);
  const low = Math.floor(Math.min(...values) / 5) * 5;
  const high = Math.ceil(Math.max(...values) / 5) * 5;
  const domain: [number, number] = [low, high === low ? low + 5 : high];

  const renderPoint = (props: unknown) => {
    const { cx, cy, payload } = props as PointShapeProps;
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const href = `/aqa/dives/${payload.generationId}`;
    return (
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          router.push(href);
        }}
        aria-label={`Dive ${payload.videoKey} (${payload.diveNumber}): true ${formatScore(payload.trueScore)}, predicted ${formatScore(payload.predictedScore)}`}
        data-testid="score-point"
      >
        <circle
          cx={cx}
          cy={cy}
          r={6}
          className={payload.flagged ? "fill-rose-500 stroke-rose-800" : "fill-indigo-500 stroke-indigo-800"}
          strokeWidth={1}
          cursor="pointer"
        />
      </a>
    );
  };

  return (
    <figure aria-label="Predicted against true score">
      <div className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="trueScore"
              name="True score"
              domain={domain}
              label={{ value: "true score", position: "insideBottom", offset: -15 }}
            />
            <YAxis
              type="number"
              dataKey="predictedScore"
              name="Predicted score"
              domain={domain}
              label={{ value: "predicted", angle: -90, position: "insideLeft" }}
            />
            <ReferenceLine
              segment={[
                { x: domain[0], y: domain[0] },
                { x: domain[1], y: domain[1] },
              ]}
              stroke="#94a3b8"
              strokeDasharray="4 4"
              ifOverflow="extendDomain"
            />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={({ payload }) => {
                const point = payload?.[0]?.payload as ScorePoint | undefined;
                if (!point) return null;
                return (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                    <div className="font-medium">
                      {point.videoKey} · {point.diveNumber}
                    </div>
                    <div>
                      true {formatScore(point.trueScore)}, predicted {formatScore(point.predictedScore)}
                    </div>
                    {point.flagged && <div className="text-rose-700">arithmetic flagged</div>}
                  </div>
                );
              }}
            />
            <Scatter data={points} shape={renderPoint} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-500">
        {points.some((p) => p.simulated) && (
          <>
            <SimulatedBadge /> {points.filter((p) => p.simulated).length} of {points.length} points are simulated answers.{" "}
          </>
        )}
        Dashed diagonal: predicted = true. <span className="text-rose-700">Red</span>: the rationale&apos;s arithmetic is flagged. Click a
        point to open its dive.
      </figcaption>
    </figure>
  );
}
