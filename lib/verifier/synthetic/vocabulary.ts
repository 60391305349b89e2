/** Word lists for deterministic synthetic labels and answers (benchmarks and tests). */

export const ACTION_VERBS = [
  "playing", "eating", "riding", "throwing", "catching", "juggling", "making", "cutting", "washing", "brushing",
  "cleaning", "climbing", "dancing", "driving", "folding", "painting", "peeling", "pushing", "shooting", "carrying",
  "baking", "blowing", "bouncing", "carving", "drinking", "dribbling", "flipping", "grooming", "ironing", "kicking",
  "knitting", "mowing", "opening", "pouring", "sharpening", "spinning", "stretching", "unboxing", "watering", "wrapping",
  "tying", "lifting", "assembling", "decorating", "feeding", "shoveling", "slicing", "stacking", "sweeping", "tossing",
] as const;

export const ACTION_OBJECTS = [
  "basketball", "apple pie", "bicycle", "soccer ball", "guitar", "pancake", "dog", "horse", "lawn", "tire", "window",
  "car", "cake", "coffee", "paper airplane", "snowboard", "violin", "drum", "present", "shoes", "hair", "teeth", "carrot",
  "knife", "bottle", "frisbee", "kite", "ice", "trampoline", "watermelon", "pumpkin", "tent", "furniture", "snow",
  "leaves", "dishes", "laundry", "plants", "boxes", "pizza dough", "hay", "cat", "baby", "cards", "bowling ball",
  "volleyball", "tennis racket", "skateboard", "fire", "wood",
] as const;

export const STANDALONE_CLASSES = [
  "tai chi", "yoga", "hula hooping", "capoeira", "archery", "breakdancing", "abseiling", "bungee jumping", "fencing",
  "parkour", "beatboxing", "yodelling", "sword swallowing", "ice fishing", "rock climbing", "hopscotch", "yo-yo",
] as const;

export const FILLER_WORDS = [
  "the", "a", "an", "video", "shows", "person", "man", "woman", "child", "group", "people", "camera", "scene", "frame",
  "background", "foreground", "room", "kitchen", "outdoor", "street", "park", "field", "table", "wall", "floor", "light",
  "bright", "dark", "moving", "slowly", "quickly", "then", "after", "before", "while", "during", "begins", "ends",
  "appears", "seems", "likely", "probably", "clearly", "because", "which", "suggests", "that", "they", "he", "she",
  "their", "his", "her", "hands", "arms", "standing", "sitting", "looking", "around", "near", "next", "to", "in", "on",
  "at", "with", "and", "or", "but", "is", "are", "was", "were", "be", "being", "first", "second", "finally", "overall",
  "step", "by", "can", "we", "see", "notice", "observe", "conclude", "explain", "how", "one", "arrive", "this",
  "conclusion", "based", "visual", "cues", "context", "motion", "posture", "clothing", "wearing", "shirt", "red", "blue",
  "green", "white", "black", "small", "large", "several", "other", "objects", "wooden", "metal", "sunny", "day", "evening",
  "crowd", "watching", "smiling", "focused", "carefully", "repeatedly", "activity", "action", "performed", "skill",
  "practice", "movement", "rhythm", "balance", "position", "holding", "using", "tool", "area", "space", "corner",
  "center", "left", "right", "side", "top", "bottom", "short", "clip", "seconds", "moment", "entire", "sequence",
  "important", "detail", "indicates", "typical", "common", "everyday", "home", "setting", "environment", "natural",
] as const;
