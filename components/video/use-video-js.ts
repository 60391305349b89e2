"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type videojs from "video.js";

export type VideoJsPlayer = ReturnType<typeof videojs>;

export interface VideoJsLayers {
  /** Inside the seek bar's progress holder: positioned children line up with the timeline. */
  seekBar: HTMLElement | null;
  /** Over the video picture (under the control bar): positioned children line up with the frame. */
  overlay: HTMLElement;
}

interface Options {
  src: string;
  type: string;
  poster?: string;
  aspectRatio?: string;
}

/**
 * Creates one video.js player inside `container` and disposes it on unmount. The `<video-js>`
 * element is made inside the effect, so React StrictMode's mount–unmount–mount makes a fresh
 * element each time and disposes the old one exactly once (video.js removes what it created).
 */
export function useVideoJs(
  container: RefObject<HTMLDivElement | null>,
  options: Options,
): { player: VideoJsPlayer | null; layers: VideoJsLayers | null } {
  const [player, setPlayer] = useState<VideoJsPlayer | null>(null);
  const [layers, setLayers] = useState<VideoJsLayers | null>(null);
  const initial = useRef(options);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    let disposed = false;
    let created: VideoJsPlayer | null = null;
    // video.js is most of the screen's script: loaded on its own, it does not hold back the text around the player.
    void import("video.js").then(({ default: videojs }) => {
      if (disposed) return;
      const element = document.createElement("video-js");
      element.classList.add("vjs-big-play-centered");
      element.setAttribute("playsinline", "");
      host.appendChild(element);
      const { src, type, poster, aspectRatio } = initial.current;
      const player = videojs(element, {
        controls: true,
        fluid: true,
        aspectRatio,
        preload: "auto",
        poster,
        // Controls stay visible: markers on the seek bar are part of the work surface.
        inactivityTimeout: 0,
        playbackRates: [0.25, 0.5, 1, 1.5, 2],
        // The page owns the keyboard (review shortcuts); video.js must not also react.
        userActions: { hotkeys: false },
        sources: [{ src, type }],
      });
      created = player;
      player.ready(() => {
        if (disposed) return;
        const root = player.el() as HTMLElement;
        const overlay = document.createElement("div");
        overlay.className = "vstar-video-overlay";
        Object.assign(overlay.style, { position: "absolute", inset: "0", pointerEvents: "none", zIndex: "1" });
        root.appendChild(overlay);
        const holder = root.querySelector<HTMLElement>(".vjs-progress-holder");
        let seekBar: HTMLElement | null = null;
        if (holder) {
          seekBar = document.createElement("div");
          seekBar.className = "vstar-seek-markers";
          Object.assign(seekBar.style, { position: "absolute", inset: "0", zIndex: "2" });
          holder.appendChild(seekBar);
        }
        setLayers({ seekBar, overlay });
      });
      setPlayer(player);
    });
    return () => {
      disposed = true;
      setLayers(null);
      setPlayer(null);
      created?.dispose();
    };
  }, [container]);

  // A new clip in the same player (next item): swap the source instead of rebuilding the player.
  useEffect(() => {
    if (!player || player.isDisposed()) return;
    const current = player.currentSrc();
    if (current && new URL(current, window.location.href).pathname === new URL(options.src, window.location.href).pathname) return;
    player.src({ src: options.src, type: options.type });
    if (options.poster !== undefined) player.poster(options.poster);
  }, [player, options.src, options.type, options.poster]);

  useEffect(() => {
    if (player && !player.isDisposed() && options.aspectRatio) player.aspectRatio(options.aspectRatio);
  }, [player, options.aspectRatio]);

  return { player, layers };
}

/** The player's time as React state: on every timeupdate/seek, and every animation frame while playing. */
export function usePlayerTime(player: VideoJsPlayer | null): { time: number; duration: number; paused: boolean } {
  const [state, setState] = useState({ time: 0, duration: 0, paused: true });
  useEffect(() => {
    if (!player) return;
    let frame = 0;
    const read = () =>
      setState((previous) => {
        const next = { time: player.currentTime() ?? 0, duration: player.duration() || 0, paused: player.paused() };
        return next.time === previous.time && next.duration === previous.duration && next.paused === previous.paused ? previous : next;
      });
    const loop = () => {
      read();
      frame = requestAnimationFrame(loop);
    };
    const onPlay = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(loop);
    };
    const onPause = () => {
      cancelAnimationFrame(frame);
      read();
    };
    player.on(["timeupdate", "seeked", "loadedmetadata", "durationchange"], read);
    player.on("play", onPlay);
    player.on(["pause", "ended"], onPause);
    return () => {
      cancelAnimationFrame(frame);
      if (player.isDisposed()) return;
      player.off(["timeupdate", "seeked", "loadedmetadata", "durationchange"], read);
      player.off("play", onPlay);
      player.off(["pause", "ended"], onPause);
    };
  }, [player]);
  return state;
}
