/**
 * The synthetic demo scenes: their ffmpeg filter graphs and, from the same numbers, where each
 * moving thing is at time t, so demo annotations (boxes, intervals) are true of the pixels.
 * Boxes are [x1, y1, x2, y2] in pixels.
 */

export const DEMO_CLIP_KINDS = ["ball", "diver", "carry", "bars"] as const;
export type DemoClipKind = (typeof DEMO_CLIP_KINDS)[number];

export interface SceneSize {
  width: number;
  height: number;
  fps: number;
  durationSec: number;
}

export type PixelBox = [number, number, number, number];

const BALL = 40;

/** A red ball crossing the frame from left to right at mid height. */
export function ballBox(scene: SceneSize, t: number): PixelBox {
  const x = clamp01(t / scene.durationSec) * (scene.width - BALL);
  const y = (scene.height - BALL) / 2;
  return [x, y, x + BALL, y + BALL];
}

const DIVER = { width: 14, height: 34, x: 100 } as const;

/** Top of the water band (the bottom quarter of the frame). */
export function waterLine(scene: SceneSize): number {
  return Math.round(scene.height * 0.75);
}

/** Where the platform's top is: the diver stands on it at t = 0. */
const PLATFORM_TOP = 40;

/** The diver (a small rectangle) falls from the platform, accelerating, and ends below the waterline. */
export function diverBox(scene: SceneSize, t: number): PixelBox {
  const top0 = PLATFORM_TOP - DIVER.height;
  const drop = waterLine(scene) - top0 + 10;
  const y = top0 + drop * clamp01(t / scene.durationSec) ** 2;
  return [DIVER.x, y, DIVER.x + DIVER.width, y + DIVER.height];
}

/** The moment the diver's feet (its bottom edge) reach the water. */
export function diverEntryTime(scene: SceneSize): number {
  const top0 = PLATFORM_TOP - DIVER.height;
  const drop = waterLine(scene) - top0 + 10;
  const feetDistance = waterLine(scene) - (top0 + DIVER.height);
  return scene.durationSec * Math.sqrt(feetDistance / drop);
}

const PERSON = { width: 30, height: 90 } as const;
const BOX = { width: 40, height: 30 } as const;

function floorLine(scene: SceneSize): number {
  return scene.height - 40;
}

/** Phase boundaries of the carry scene: walk to the box, pick it up, carry it away. */
export function carryPhases(scene: SceneSize): { walkEnd: number; pickEnd: number } {
  return { walkEnd: scene.durationSec / 3, pickEnd: (2 * scene.durationSec) / 3 };
}

export function personBox(scene: SceneSize, t: number): PixelBox {
  const { walkEnd, pickEnd } = carryPhases(scene);
  const x = t < walkEnd ? 20 + 130 * (t / walkEnd) : t < pickEnd ? 150 : 150 + 120 * ((t - pickEnd) / walkEnd);
  const y = floorLine(scene) - PERSON.height;
  return [x, y, x + PERSON.width, y + PERSON.height];
}

export function boxBox(scene: SceneSize, t: number): PixelBox {
  const { walkEnd, pickEnd } = carryPhases(scene);
  const rest = floorLine(scene) - BOX.height;
  const x = t < pickEnd ? 185 : 185 + 120 * ((t - pickEnd) / walkEnd);
  const y = t < walkEnd ? rest : t < pickEnd ? rest - 40 * ((t - walkEnd) / walkEnd) : rest - 40;
  return [x, y, x + BOX.width, y + BOX.height];
}

/** The filter graph (source filters only) producing `[v]` for a scene. */
export function sceneFilterGraph(kind: DemoClipKind, scene: SceneSize): string {
  const { width: W, height: H, fps, durationSec: D } = scene;
  const src = (color: string, w: number, h: number) => `color=c=${color}:s=${w}x${h}:r=${fps}:d=${D}`;
  switch (kind) {
    case "ball":
      return [
        `${src("0x87CEEB", W, H)}[bg]`,
        `${src("red", BALL, BALL)},format=rgba,geq=r=230:g=40:b=40:a='if(lt(hypot(X-${BALL / 2 - 0.5},Y-${BALL / 2 - 0.5}),${BALL / 2}),255,0)'[ball]`,
        `[bg][ball]overlay=x='min(t/${D},1)*${W - BALL}':y=${(H - BALL) / 2},format=yuv420p[v]`,
      ].join(";");
    case "diver": {
      const top0 = PLATFORM_TOP - DIVER.height;
      const drop = waterLine(scene) - top0 + 10;
      return [
        `${src("0xB0D8F0", W, H)},drawbox=x=0:y=${PLATFORM_TOP}:w=${DIVER.x + DIVER.width + 10}:h=8:color=0x707070:t=fill[bg]`,
        `${src("0xF2C29B", DIVER.width, DIVER.height)}[diver]`,
        `[bg][diver]overlay=x=${DIVER.x}:y='${top0}+${drop}*pow(min(t/${D},1),2)',drawbox=x=0:y=${waterLine(scene)}:w=${W}:h=${H - waterLine(scene)}:color=0x1E5AA8:t=fill,format=yuv420p[v]`,
      ].join(";");
    }
    case "carry": {
      const { walkEnd: D1, pickEnd: D2 } = carryPhases(scene);
      const floor = floorLine(scene);
      const rest = floor - BOX.height;
      const personX = `if(lt(t,${D1}),20+130*t/${D1},if(lt(t,${D2}),150,150+120*(t-${D2})/${D1}))`;
      const boxX = `if(lt(t,${D2}),185,185+120*(t-${D2})/${D1})`;
      const boxY = `if(lt(t,${D1}),${rest},if(lt(t,${D2}),${rest}-40*(t-${D1})/${D1},${rest - 40}))`;
      return [
        `${src("0xEDE6D6", W, H)},drawbox=x=0:y=${floor}:w=${W}:h=${H - floor}:color=0x8A8A8A:t=fill[bg]`,
        `${src("0x2E8B57", PERSON.width, PERSON.height)}[person]`,
        `${src("0x8B5A2B", BOX.width, BOX.height)}[box]`,
        `[bg][person]overlay=x='${personX}':y=${floor - PERSON.height}[withPerson]`,
        `[withPerson][box]overlay=x='${boxX}':y='${boxY}',format=yuv420p[v]`,
      ].join(";");
    }
    case "bars":
      return `testsrc2=s=${W}x${H}:r=${fps}:d=${D},format=yuv420p[v]`;
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
