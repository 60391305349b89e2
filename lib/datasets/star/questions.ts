import { formatBox, formatSeconds } from "../fields";
import { pickStable, stableHash } from "../hash";
import type { TemplateSet } from "../templates/template-set";
import type { ImportedLabel, ImportedQuestion, Target } from "../types";
import type { StarNames } from "./classes";
import { actionSpans, type Keyframe, type KeyframeObject } from "./keyframes";
import type { StarQuestion } from "./schema";

export interface ClipContext {
  videoKey: string;
  start: number;
  end: number;
  keyframes: Keyframe[];
  names: StarNames;
  templates: TemplateSet;
}

export interface Generated {
  questions: ImportedQuestion[];
  labels: ImportedLabel[];
}

function question(
  context: ClipContext,
  key: string,
  kind: string,
  vars: Record<string, string | number>,
  targets: Target[],
): ImportedQuestion | null {
  const rendered = context.templates.render(kind, `${context.videoKey}|${key}`, vars);
  return rendered === null ? null : { key, kind, templateKey: rendered.templateKey, text: rendered.text, targets };
}

/** STAR's answers end with a full stop ("The closet/cabinet."); the label is the words. */
function answerLabel(answer: string): string {
  return answer.trim().replace(/\.$/, "").trim();
}

/** The original STAR question, its answer as a class target. */
export function originalQuestion(context: ClipContext, qa: StarQuestion): Generated {
  const answer = answerLabel(qa.answer);
  const generated = question(context, `star:qa:${qa.question_id}`, "star-qa", { question: qa.question.trim() }, [
    { labelType: "class", label: answer },
  ]);
  return {
    questions: generated === null ? [] : [generated],
    labels: [{ key: `qa:${qa.question_id}`, kind: "class", value: answer }],
  };
}

/** The actions seen in the clip, in order of first appearance, as names. */
function clipActions(context: ClipContext): string[] {
  const ids: string[] = [];
  for (const keyframe of context.keyframes) {
    if (keyframe.time < context.start - 1e-6 || keyframe.time > context.end + 1e-6) continue;
    for (const action of keyframe.actions) if (!ids.includes(action)) ids.push(action);
  }
  return ids.map((id) => context.names.action(id));
}

/** "What happens between t1 and t2": the clip's action sequence (a class when only one). */
export function betweenQuestion(context: ClipContext): Generated {
  const actions = clipActions(context);
  if (actions.length === 0) return { questions: [], labels: [] };
  const target: Target =
    actions.length === 1 ? { labelType: "class", label: actions[0] ?? "" } : { labelType: "sequence", label: { actions } };
  const generated = question(
    context,
    "star:between:0",
    "star-between",
    { t1: formatSeconds(context.start), t2: formatSeconds(context.end) },
    [target],
  );
  return {
    questions: generated === null ? [] : [generated],
    labels: [{ key: "sequence", kind: "sequence", value: { actions } }],
  };
}

/**
 * "When does X happen": one action of the clip (chosen by hash) with its span as an interval, and
 * the clip's length (STAR's start–end window), which the released rule normalises times by.
 */
export function whenQuestion(context: ClipContext): Generated {
  const spans = [...actionSpans(context.keyframes)].filter(([, span]) => span.end > span.start);
  const labels: ImportedLabel[] = spans.map(([id, span]) => ({
    key: `interval:${id}`,
    kind: "interval",
    value: { start: span.start, end: span.end, action: context.names.action(id) },
  }));
  const chosen = pickStable(spans, `${context.videoKey}|when`);
  if (chosen === undefined) return { questions: [], labels };
  const [id, span] = chosen;
  const generated = question(context, `star:when:${id}`, "star-when", { action: context.names.actionPhrase(id) }, [
    { labelType: "interval", label: { start: span.start, end: span.end, duration: context.end - context.start } },
  ]);
  return { questions: generated === null ? [] : [generated], labels };
}

interface PlacedObject {
  keyframe: Keyframe;
  object: KeyframeObject;
}

function placedObjects(context: ClipContext): PlacedObject[] {
  return context.keyframes.flatMap((keyframe) =>
    keyframe.objects
      .filter((object) => !context.names.isPerson(object.id) && object.box[2] > object.box[0] && object.box[3] > object.box[1])
      .map((object) => ({ keyframe, object })),
  );
}

/** "Which object is in this box at time t": one object box (chosen by hash), its name as a class. */
export function objectAtQuestion(context: ClipContext): Generated {
  const chosen = pickStable(placedObjects(context), `${context.videoKey}|object-at`);
  if (chosen === undefined) return { questions: [], labels: [] };
  const { keyframe, object } = chosen;
  const name = context.names.object(object.id);
  const generated = question(
    context,
    `star:object-at:${keyframe.frameId}:${object.id}`,
    "star-object-at",
    { time: formatSeconds(keyframe.time, 2), box: formatBox(object.box) },
    [{ labelType: "class", label: name }],
  );
  const alternatives = name.includes("/") ? { alternatives: name.split("/") } : {};
  return {
    questions: generated === null ? [] : [generated],
    labels: [
      {
        key: `bbox:${keyframe.frameId}:${object.id}`,
        kind: "bbox",
        value: { box: object.box, time: keyframe.time, label: name, ...alternatives },
      },
    ],
  };
}

/**
 * "Are these two boxes the same object": two boxes at two different keyframes. The hash decides
 * whether to look for a same-object pair or a different-object pair, so both answers occur; when
 * the clip has only one kind of pair, that kind is used. "Same" means the same object class.
 */
export function sameObjectQuestion(context: ClipContext): Generated {
  const objects = placedObjects(context);
  const pairs: [PlacedObject, PlacedObject][] = [];
  for (let i = 0; i < objects.length; i += 1) {
    for (let j = i + 1; j < objects.length; j += 1) {
      const a = objects[i];
      const b = objects[j];
      if (a !== undefined && b !== undefined && a.keyframe.frame !== b.keyframe.frame) pairs.push([a, b]);
    }
  }
  const same = pairs.filter(([a, b]) => a.object.id === b.object.id);
  const different = pairs.filter(([a, b]) => a.object.id !== b.object.id);
  const wantSame = stableHash(`${context.videoKey}|same`) % 2 === 0;
  const pool = (wantSame && same.length > 0) || different.length === 0 ? same : different;
  const chosen = pickStable(pool, `${context.videoKey}|same-pair`);
  if (chosen === undefined) return { questions: [], labels: [] };
  const [a, b] = chosen;
  const isSame = a.object.id === b.object.id;
  const generated = question(
    context,
    `star:same-object:${a.keyframe.frameId}:${a.object.id}:${b.keyframe.frameId}:${b.object.id}`,
    "star-same-object",
    {
      time1: formatSeconds(a.keyframe.time, 2),
      box1: formatBox(a.object.box),
      time2: formatSeconds(b.keyframe.time, 2),
      box2: formatBox(b.object.box),
    },
    [{ labelType: "same", label: { same: isSame } }],
  );
  return { questions: generated === null ? [] : [generated], labels: [] };
}
