export { MediaError, type MediaErrorCode } from "./errors";
export { resolveMediaTool, mediaToolPath, describeMediaTool, type MediaTool, type ResolvedMediaTool } from "./tool-paths";
export { probe, type ProbeResult } from "./probe";
export { isBrowserSafe, browserSafetyProblems, type BrowserSafetyFacts } from "./browser-safe";
export { hasFaststart } from "./faststart";
export { transcodeToBrowserSafe, type TranscodeOptions } from "./transcode";
export { makePoster, type PosterOptions } from "./poster";
export { framesToMp4, listFrames } from "./frames";
export { synthesizeDemoClip, demoSceneSize, type DemoCodec, type SynthesizeOptions } from "./synthesize";
export {
  DEMO_CLIP_KINDS,
  ballBox,
  boxBox,
  carryPhases,
  diverBox,
  diverEntryTime,
  personBox,
  type DemoClipKind,
  type PixelBox,
  type SceneSize,
} from "./demo-scenes";
export { parseRange, type ByteRange } from "./range";
export { resolveInside } from "./resolve-inside";
export { writeAtomically } from "./atomic-output";
export { serveFile, contentTypeOf, type ServeFileOptions } from "./serve-file";
export { fileByteStream } from "./file-stream";
export { signVideoToken, verifyVideoToken, DEFAULT_SIGNED_URL_SECONDS } from "./signed-token";
export { s3SettingsFromEnv, presignedMediaUrl, uploadMediaFile, objectKey, type S3Settings } from "./object-storage";
