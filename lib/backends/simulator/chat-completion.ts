/** Builds vLLM's chat.completion response for a request (pure: no I/O, no clock). */
import { describeVideo, generateAnswer, type SimulatedAnswer } from "./answer-generator";
import { parsePrompt, type ChatCompletionRequest } from "./chat-request";
import { promptTokens, textTokens, truncateToTokens } from "./usage";

export const SYSTEM_FINGERPRINT = "vstar-simulator";

export interface CompletionContext {
  seed: number;
  /** The model name as requested (echoed back). */
  model: string;
  strength: number;
  id: string;
  created: number;
}

/** What the simulator knows about each choice; sent back in the non-standard `x_simulation` field. */
interface ChoiceSimulation {
  index: number;
  strength: number;
  correct: boolean;
  correctProbability: number;
  statements: SimulatedAnswer["statements"];
  hallucinations: string[];
  arithmeticSlip: boolean;
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: "assistant"; content: string; tool_calls: never[] };
    logprobs: null;
    finish_reason: "stop" | "length";
    stop_reason: null;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  system_fingerprint: string;
  prompt_logprobs: null;
  x_simulation: { simulated: true; choices: ChoiceSimulation[] };
}

export function completeChat(request: ChatCompletionRequest, context: CompletionContext): ChatCompletion {
  const prompt = parsePrompt(request);
  const sim = request.x_simulation;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const choiceCount = request.n ?? 1;

  const choices: ChatCompletion["choices"] = [];
  const simulations: ChoiceSimulation[] = [];
  let completionTokens = 0;
  for (let index = 0; index < choiceCount; index++) {
    const sample = `${request.seed ?? ""}:${index}`;
    const answer = sim
      ? generateAnswer({
          seed: context.seed,
          model: context.model,
          strength: context.strength,
          videoId: sim.videoId,
          prompt: prompt.text,
          mode: sim.mode,
          targets: sim.targets,
          questionKind: sim.questionKind,
          sample,
        })
      : describeVideo({ seed: context.seed, model: context.model, prompt: `${prompt.text}|${sample}`, videoRef: prompt.videoRef });
    const fullTokens = textTokens(answer.text);
    const fits = maxTokens === undefined || fullTokens <= maxTokens;
    const { text, truncated } = fits ? { text: answer.text, truncated: false } : truncateToTokens(answer.text, maxTokens);
    completionTokens += fits ? fullTokens : textTokens(text);
    choices.push({
      index,
      message: { role: "assistant", content: text, tool_calls: [] },
      logprobs: null,
      finish_reason: truncated ? "length" : "stop",
      stop_reason: null,
    });
    simulations.push({
      index,
      strength: context.strength,
      correct: answer.correct,
      correctProbability: answer.correctProbability,
      statements: answer.statements,
      hallucinations: answer.hallucinations,
      arithmeticSlip: answer.arithmeticSlip,
    });
  }

  const promptCount = promptTokens(prompt);
  return {
    id: context.id,
    object: "chat.completion",
    created: context.created,
    model: context.model,
    choices,
    usage: { prompt_tokens: promptCount, completion_tokens: completionTokens, total_tokens: promptCount + completionTokens },
    system_fingerprint: SYSTEM_FINGERPRINT,
    prompt_logprobs: null,
    x_simulation: { simulated: true, choices: simulations },
  };
}

/** The same completion as server-sent-event chunks (`stream: true`), ending with [DONE]. */
export function streamChunks(completion: ChatCompletion): string[] {
  const base = {
    id: completion.id,
    object: "chat.completion.chunk",
    created: completion.created,
    model: completion.model,
    system_fingerprint: completion.system_fingerprint,
  };
  const events: unknown[] = [];
  for (const choice of completion.choices) {
    events.push({
      ...base,
      choices: [{ index: choice.index, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }],
    });
    const pieces = choice.message.content.match(/\S+\s*/g) ?? [];
    for (let i = 0; i < pieces.length; i += 8) {
      events.push({
        ...base,
        choices: [{ index: choice.index, delta: { content: pieces.slice(i, i + 8).join("") }, logprobs: null, finish_reason: null }],
      });
    }
    events.push({ ...base, choices: [{ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finish_reason }] });
  }
  events.push({ ...base, choices: [], usage: completion.usage });
  return [...events.map((e) => `data: ${JSON.stringify(e)}\n\n`), "data: [DONE]\n\n"];
}
