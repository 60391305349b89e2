#!/bin/bash
# Stands in for `llamafactory-cli train <config.yaml>` on the integration suite's Slurm node (no
# GPU, no PyTorch): it takes the same arguments, reads the same YAML and dataset files, refuses
# what LLaMA-Factory refuses, logs in its style and writes a PEFT-style adapter folder holding no
# weights. Its adapter_config.json is marked for the simulator, which then serves the adapter.
#
# VSTAR_STANDIN_SECONDS (default 3) is how long it "trains"; VSTAR_STANDIN_FAIL=1 makes it crash
# half way like a CUDA out-of-memory error.
set -euo pipefail

if [ "${1:-}" != train ] || [ $# -ne 2 ]; then
  echo "usage: llamafactory-cli train <config.yaml>" >&2
  exit 2
fi
config=$2
stamp() { date '+%Y-%m-%d %H:%M:%S'; }
info() { echo "[INFO|$(stamp)] $1 >> $2"; }
fail() {
  echo "Traceback (most recent call last):" >&2
  echo "$1" >&2
  exit "${2:-1}"
}

[ -r "$config" ] || fail "FileNotFoundError: [Errno 2] No such file or directory: '$config'"
# The YAML is flat, strings double-quoted (see lib/backends/training/yaml.ts).
value() { sed -n "s/^$1: *//p" "$config" | sed 's/^"\(.*\)"$/\1/'; }
output_dir=$(value output_dir)
dataset_dir=$(value dataset_dir)
dataset=$(value dataset)
model=$(value model_name_or_path)
epochs=$(value num_train_epochs)
[ "$(value stage)" = sft ] && [ "$(value finetuning_type)" = lora ] || fail "ValueError: this stand-in only runs LoRA SFT"
[ -n "$output_dir" ] || fail "ValueError: Please specify output_dir."
if [ -n "${VSTAR_OUTPUT_DIR:-}" ] && [ "$VSTAR_OUTPUT_DIR" != "$output_dir" ]; then
  fail "ValueError: output_dir $output_dir is not VSTAR_OUTPUT_DIR $VSTAR_OUTPUT_DIR"
fi
if [ -d "$output_dir" ] && [ -n "$(ls -A "$output_dir")" ]; then
  fail "ValueError: Output directory ($output_dir) already exists and is not empty. Use \`overwrite_output_dir\` to overcome."
fi

info llamafactory.hparams.parser:406 "Process rank: 0, world size: 1, device: cpu, n_gpu: 0, distributed training: False (integration stand-in)"
info llamafactory.model.loader:157 "Loading model $model"
examples=0
IFS=, read -r -a names <<<"$dataset"
for name in "${names[@]}"; do
  info=$dataset_dir/dataset_info.json
  [ -r "$info" ] || fail "ValueError: Cannot open $info due to [Errno 2] No such file or directory."
  grep -q "\"$name\"" "$info" || fail "ValueError: Undefined dataset $name in dataset_info.json."
  file=$(sed -n "/\"$name\"/,/file_name/s/.*\"file_name\": *\"\([^\"]*\)\".*/\1/p" "$info" | head -1)
  [ -r "$dataset_dir/$file" ] || fail "ValueError: File $dataset_dir/$file not found."
  count=$(grep -o '"messages"' "$dataset_dir/$file" | wc -l)
  info llamafactory.data.loader:143 "Loading dataset $file... ($count examples)"
  examples=$((examples + count))
done

seconds=${VSTAR_STANDIN_SECONDS:-3}
steps=5
echo "***** Running training *****"
echo "  Num examples = $examples"
echo "  Num Epochs = $epochs"
echo "  Total optimization steps = $steps"
mkdir -p "$output_dir"
for step in $(seq 1 $steps); do
  sleep "$(awk -v s="$seconds" -v n=$steps 'BEGIN { printf "%.2f", s / n }')"
  if [ "${VSTAR_STANDIN_FAIL:-0}" = 1 ] && [ "$step" -eq 3 ]; then
    fail "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB (integration stand-in)" 3
  fi
  loss=$(awk -v s="$step" 'BEGIN { printf "%.4f", 2.1 / (1 + 0.4 * s) }')
  echo "{'loss': $loss, 'grad_norm': 1.0, 'learning_rate': 2e-05, 'epoch': $(awk -v s="$step" -v n=$steps 'BEGIN { printf "%.2f", s / n }')}"
  echo "{\"current_steps\": $step, \"total_steps\": $steps, \"loss\": $loss}" >>"$output_dir/trainer_log.jsonl"
done

cycle=${VSTAR_CYCLE_INDEX:-0}
cat >"$output_dir/adapter_config.json" <<EOF
{
  "peft_type": "LORA",
  "task_type": "CAUSAL_LM",
  "base_model_name_or_path": "$model",
  "r": 8,
  "lora_alpha": 16,
  "lora_dropout": 0,
  "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj"],
  "vstar_simulator": { "strength": $((cycle + 1)), "note": "written by the integration suite's stand-in for llamafactory-cli; holds no weights" }
}
EOF
: >"$output_dir/adapter_model.safetensors"
echo "***** train metrics *****"
echo "  epoch = $epochs"
echo "  train_loss = $loss"
info transformers.trainer:3984 "Saving model checkpoint to $output_dir"
