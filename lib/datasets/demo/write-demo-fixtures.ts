import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { boxBox, carryPhases, diverEntryTime, personBox, type SceneSize } from "@/lib/media/demo-scenes";
import { runTool } from "@/lib/media/run-tool";
import { synthesizeDemoClip } from "@/lib/media/synthesize";
import { pickle, py } from "../finediving/fixtures/pickle-writer";
import { writeFineDivingAnnotations, type FixtureDive } from "../finediving/fixtures/write-fixtures";
import type { ImportSpec } from "../import";

interface DemoDataset {
  name: string;
  description: string;
  spec: ImportSpec;
}

export interface DemoFixtures {
  /** Folder every media path of the demo is relative to. */
  mediaRoot: string;
  /** One import per source format, ready for `parseDataset`. */
  datasets: DemoDataset[];
}

const STAR_VIDEO = "DEMO1";
const DIVING_EVENT = "DemoDivingCup2024_Women10m_final_r1";
const SYNCHRO_EVENT = "DemoDivingCup2024_Synchro3m_final_r2";

/**
 * Writes the demo data: a few synthetic clips (a ball crossing the frame, a person carrying a box,
 * divers, one legacy MPEG-4 AVI that needs transcoding, one dive only as JPEG frames) and
 * annotation files in each source format that reference them: a Kinetics CSV, a STAR JSON with
 * class files, and FineDiving pickles with splits. Boxes, intervals and sub-action frames are
 * computed from the same geometry that draws the clips, so the labels are true of the pixels.
 */
export async function writeDemoFixtures(dir: string): Promise<DemoFixtures> {
  const mediaRoot = path.join(dir, "media");
  const annotations = path.join(dir, "annotations");
  await mkdir(annotations, { recursive: true });
  const [kinetics, star, finediving] = await Promise.all([
    writeKinetics(mediaRoot, annotations),
    writeStar(mediaRoot, annotations),
    writeFineDiving(mediaRoot, annotations),
  ]);
  return { mediaRoot, datasets: [kinetics, star, finediving] };
}

async function writeKinetics(mediaRoot: string, annotations: string): Promise<DemoDataset> {
  const clips = path.join(mediaRoot, "kinetics");
  await synthesizeDemoClip("ball", path.join(clips, "demoBall001_000000_000003.mp4"), { durationSec: 3, fps: 24 });
  await synthesizeDemoClip("carry", path.join(clips, "demoCarry01_000010_000013.mp4"), { durationSec: 3, fps: 24 });
  await synthesizeDemoClip("ball", path.join(clips, "legacy", "demoLegacy1.avi"), { durationSec: 2, fps: 12, codec: "mpeg4" });
  const csv = path.join(annotations, "kinetics700_demo.csv");
  await writeFile(
    csv,
    [
      "label,youtube_id,time_start,time_end,split,path",
      "throwing ball,demoBall001,0,3,train,",
      "moving box,demoCarry01,10,13,train,",
      "kicking ball,demoLegacy1,0,2,val,kinetics/legacy/demoLegacy1.avi",
      "",
    ].join("\n"),
  );
  return {
    name: "Kinetics-700 (demo)",
    description: "Three synthetic clips labelled with an action class; one is an MPEG-4 AVI that needs transcoding.",
    spec: { format: "kinetics", file: csv, mediaRoot, checkMedia: true, clipPathTemplate: "kinetics/{youtube_id}_{start}_{end}.mp4" },
  };
}

/** STAR's class files name actions with base-form phrases, objects with slash-separated alternatives. */
const STAR_ACTIONS = { a001: "walk to a box", a002: "pick up a box", a003: "carry a box" };
const STAR_OBJECTS = { o000: "person", o001: "cup/glass/bottle", o002: "box", o003: "book" };

async function writeStar(mediaRoot: string, annotations: string): Promise<DemoDataset> {
  const scene = await synthesizeDemoClip("carry", path.join(mediaRoot, "star", `${STAR_VIDEO}.mp4`), { durationSec: 3, fps: 24 });
  const starDir = path.join(annotations, "star");
  await mkdir(starDir, { recursive: true });
  const classFiles = { actions: path.join(starDir, "action_classes.txt"), objects: path.join(starDir, "object_classes.txt") };
  await writeFile(classFiles.actions, classLines(STAR_ACTIONS));
  await writeFile(classFiles.objects, classLines(STAR_OBJECTS));
  // STAR's per-video frame rates: "<video_id>.mp4" → fps.
  const fpsFile = path.join(starDir, "video_fps");
  await writeFile(fpsFile, pickle(py.dict([[`${STAR_VIDEO}.mp4`, py.float(scene.fps)]])));

  const choices = (answers: string[]) => answers.map((choice, choice_id) => ({ choice_id, choice }));
  const whole = carrySituations(scene, 0, 3);
  const late = carrySituations(scene, 1.5, 3);
  const questions = [
    {
      question_id: "Interaction_T1_1",
      question: "Which object was picked up by the person?",
      answer: "The box.",
      choices: choices(["The box.", "The cup/glass/bottle.", "The book.", "The person."]),
      start: 0,
      end: 3,
      situations: whole,
    },
    {
      question_id: "Sequence_T3_1",
      question: "What happened after the person walked to the box?",
      answer: "Picked up the box.",
      choices: choices(["Picked up the box.", "Opened the book.", "Put down the cup.", "Sat on the box."]),
      start: 0,
      end: 3,
      situations: whole,
    },
    {
      question_id: "Interaction_T2_2",
      question: "What did the person do with the box?",
      answer: "Carried.",
      choices: choices(["Carried.", "Opened.", "Threw.", "Washed."]),
      start: 1.5,
      end: 3,
      situations: late,
    },
  ].map((q) => ({ ...q, video_id: STAR_VIDEO, question_program: [] }));
  const json = path.join(starDir, "STAR_train.json");
  await writeFile(json, JSON.stringify(questions, null, 1));
  return {
    name: "STAR (demo)",
    description: "A person walks to a box, picks it up and carries it: STAR questions with situation graphs.",
    spec: {
      format: "star",
      file: json,
      classFiles,
      fpsFile,
      mediaRoot,
      checkMedia: true,
      videoPathTemplate: "star/{video_id}.mp4",
    },
  };
}

function classLines(names: Record<string, string>): string {
  return `${Object.entries(names)
    .map(([id, name]) => `${id} ${name}`)
    .join("\n")}\n`;
}

/** Keyframes every half second (STAR's situation graphs), with the true boxes of the carry scene. */
function carrySituations(scene: SceneSize, start: number, end: number) {
  const { walkEnd, pickEnd } = carryPhases(scene);
  const situations: Record<string, unknown> = {};
  for (let t = start + 0.25; t < end; t += 0.5) {
    const frame = Math.round(t * scene.fps);
    const action = t < walkEnd ? "a001" : t < pickEnd ? "a002" : "a003";
    const pixels = (box: number[]) => box.map((v) => Math.round(v * 10) / 10);
    situations[String(frame).padStart(6, "0")] = {
      actions: [action],
      bbox: [pixels(personBox(scene, t)), pixels(boxBox(scene, t))],
      bbox_labels: ["o000", "o002"],
      rel_pairs: [["o000", "o002"]],
      rel_labels: [t < walkEnd ? "r001" : "r002"],
    };
  }
  return situations;
}

/** Training dives beyond the first, with judges spread out so their scores rank clearly. */
const EXTRA_TRAINING_DIVES: readonly (Pick<FixtureDive, "actionType" | "difficulty" | "judgeScores"> & {
  takeoffName: string;
  flightName: string;
})[] = [
  {
    actionType: "207c",
    difficulty: 3.3,
    judgeScores: [6.5, 7.0, 6.0, 6.5, 7.0, 6.5, 6.0],
    takeoffName: "Back",
    flightName: "3.5 Soms.Tuck",
  },
  {
    actionType: "107b",
    difficulty: 3.0,
    judgeScores: [9.0, 9.5, 9.0, 8.5, 9.0, 9.5, 9.0],
    takeoffName: "Forward",
    flightName: "3.5 Soms.Pike",
  },
  {
    actionType: "405c",
    difficulty: 2.7,
    judgeScores: [5.0, 5.5, 4.5, 5.0, 5.5, 5.0, 4.5],
    takeoffName: "Inward",
    flightName: "2.5 Soms.Tuck",
  },
];

async function writeFineDiving(mediaRoot: string, annotations: string): Promise<DemoDataset> {
  const videosDir = "finediving";
  const framesDir = "FineDiving";
  const existing = path.join(mediaRoot, videosDir, `${DIVING_EVENT}_0.mp4`);
  const scene = await synthesizeDemoClip("diver", existing, { durationSec: 3, fps: 12 });
  // The second dive exists only as JPEG frames, numbered like FineDiving's (they start mid-video).
  const frames = path.join(mediaRoot, framesDir, SYNCHRO_EVENT, "1");
  await mkdir(frames, { recursive: true });
  const source = path.join(frames, "..", "source.tmp.mp4");
  await copyFile(existing, source);
  await runTool("ffmpeg", [
    "-nostdin",
    "-v",
    "error",
    "-y",
    "-i",
    source,
    "-q:v",
    "4",
    "-start_number",
    "489",
    path.join(frames, "%05d.jpg"),
  ]);
  await rm(source);

  const totalFrames = Math.round(scene.durationSec * scene.fps);
  const entry = Math.round(diverEntryTime(scene) * scene.fps);
  const takeoff = Math.round(0.5 * scene.fps);
  const steps = (takeoffName: string, flightName: string) => [
    { name: takeoffName, frames: takeoff },
    { name: flightName, frames: entry - takeoff },
    { name: "Entry", frames: totalFrames - entry },
  ];
  const dives: FixtureDive[] = [
    {
      event: DIVING_EVENT,
      index: 0,
      actionType: "105b",
      difficulty: 3.0,
      judgeScores: [8.0, 8.5, 7.5, 8.0, 9.0, 8.0, 7.5],
      steps: steps("Forward", "2.5 Soms.Pike"),
      startFrame: 1200,
      split: "train",
    },
    {
      event: SYNCHRO_EVENT,
      index: 1,
      actionType: "407c",
      difficulty: 3.4,
      judgeScores: [8.5, 9.0, 8.5, 8.0, 8.5],
      steps: steps("Inward", "3.5 Soms.Tuck"),
      startFrame: 489,
      split: "test",
    },
    // More training dives of the same final, so a cycle's AQA figures (ρ, R-ℓ2) have scores to rank.
    ...EXTRA_TRAINING_DIVES.map(
      ({ takeoffName, flightName, ...dive }, i): FixtureDive => ({
        ...dive,
        event: DIVING_EVENT,
        index: i + 2,
        steps: steps(takeoffName, flightName),
        startFrame: 1500 + 300 * i,
        split: "train",
      }),
    ),
  ];
  // Their clips are copies of the first dive's: the same geometry, so the sub-action frames hold.
  await Promise.all(
    EXTRA_TRAINING_DIVES.map((_, i) => copyFile(existing, path.join(mediaRoot, videosDir, `${DIVING_EVENT}_${i + 2}.mp4`))),
  );
  const paths = await writeFineDivingAnnotations(path.join(annotations, "finediving"), dives);
  return {
    name: "FineDiving (demo)",
    description: "Five synthetic dives with judges' scores and sub-action frames; one is still a folder of frames.",
    spec: {
      format: "finediving",
      file: paths.fineGrained,
      coarsePath: paths.coarse,
      subActionTablePath: paths.subActionTable,
      splitPaths: paths.splits,
      mediaRoot,
      checkMedia: true,
      framesDir,
      videosDir,
    },
  };
}
