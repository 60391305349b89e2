/**
 * spaCy v3's English tokenizer exceptions (special cases): a string that is split into exactly
 * these token texts, whatever the affix rules say. Built the way `spacy/lang/en/tokenizer_exceptions.py`
 * and `spacy/lang/tokenizer_exceptions.py` build them (MIT licence, © Explosion AI), keeping only
 * the token texts (ORTH); norms and attributes do not change tokens.
 */

const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function englishExceptions(): Map<string, readonly string[]> {
  const exc = new Map<string, readonly string[]>();
  const add = (orth: string, pieces: readonly string[]) => exc.set(orth, pieces);

  for (const orth of ["i", "I"]) {
    add(`${orth}'m`, [orth, "'m"]);
    add(`${orth}m`, [orth, "m"]);
    add(`${orth}'ma`, [orth, "'m", "a"]);
    add(`${orth}ma`, [orth, "m", "a"]);
  }
  for (const pron of ["i", "you", "he", "she", "it", "we", "they"]) {
    for (const orth of [pron, title(pron)]) {
      add(`${orth}'ll`, [orth, "'ll"]);
      add(`${orth}ll`, [orth, "ll"]);
      add(`${orth}'ll've`, [orth, "'ll", "'ve"]);
      add(`${orth}llve`, [orth, "ll", "ve"]);
      add(`${orth}'d`, [orth, "'d"]);
      add(`${orth}d`, [orth, "d"]);
      add(`${orth}'d've`, [orth, "'d", "'ve"]);
      add(`${orth}dve`, [orth, "d", "ve"]);
    }
  }
  for (const pron of ["i", "you", "we", "they"]) {
    for (const orth of [pron, title(pron)]) {
      add(`${orth}'ve`, [orth, "'ve"]);
      add(`${orth}ve`, [orth, "ve"]);
    }
  }
  for (const pron of ["you", "we", "they"]) {
    for (const orth of [pron, title(pron)]) {
      add(`${orth}'re`, [orth, "'re"]);
      add(`${orth}re`, [orth, "re"]);
    }
  }
  for (const pron of ["he", "she", "it"]) {
    for (const orth of [pron, title(pron)]) {
      add(`${orth}'s`, [orth, "'s"]);
      add(`${orth}s`, [orth, "s"]);
    }
  }
  const wWords: [string, "sing" | "plur" | null][] = [
    ["who", null],
    ["what", null],
    ["when", null],
    ["where", null],
    ["why", null],
    ["how", null],
    ["there", null],
    ["that", "sing"],
    ["this", "sing"],
    ["these", "plur"],
    ["those", "plur"],
  ];
  for (const [word, number] of wWords) {
    for (const orth of [word, title(word)]) {
      if (number !== "plur") {
        add(`${orth}'s`, [orth, "'s"]);
        add(`${orth}s`, [orth, "s"]);
      }
      add(`${orth}'ll`, [orth, "'ll"]);
      add(`${orth}ll`, [orth, "ll"]);
      add(`${orth}'ll've`, [orth, "'ll", "'ve"]);
      add(`${orth}llve`, [orth, "ll", "ve"]);
      if (number !== "sing") {
        add(`${orth}'re`, [orth, "'re"]);
        add(`${orth}re`, [orth, "re"]);
        add(`${orth}'ve`, [orth, "'ve"]);
        add(`${orth}ve`, [orth, "ve"]);
      }
      add(`${orth}'d`, [orth, "'d"]);
      add(`${orth}d`, [orth, "d"]);
      add(`${orth}'d've`, [orth, "'d", "'ve"]);
      add(`${orth}dve`, [orth, "d", "ve"]);
    }
  }
  const modals = ["ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha", "should", "wo", "would"];
  for (const verb of modals) {
    for (const orth of [verb, title(verb)]) {
      add(`${orth}n't`, [orth, "n't"]);
      add(`${orth}nt`, [orth, "nt"]);
      add(`${orth}n't've`, [orth, "n't", "'ve"]);
      add(`${orth}ntve`, [orth, "nt", "ve"]);
    }
  }
  for (const verb of ["could", "might", "must", "should", "would"]) {
    for (const orth of [verb, title(verb)]) {
      add(`${orth}'ve`, [orth, "'ve"]);
      add(`${orth}ve`, [orth, "ve"]);
    }
  }
  for (const verb of ["ai", "are", "is", "was", "were", "have", "has", "dare"]) {
    for (const orth of [verb, title(verb)]) {
      add(`${orth}n't`, [orth, "n't"]);
      add(`${orth}nt`, [orth, "nt"]);
    }
  }
  for (const word of ["doin", "goin", "nothin", "nuthin", "ol", "somethin"]) {
    for (const orth of [word, title(word)]) {
      add(orth, [orth]);
      add(`${orth}'`, [`${orth}'`]);
    }
  }
  for (const word of ["em", "ll", "nuff"]) {
    add(word, [word]);
    add(`'${word}`, [`'${word}`]);
  }
  for (let hour = 1; hour <= 12; hour++) {
    for (const period of ["a.m.", "am", "p.m.", "pm"]) add(`${hour}${period}`, [String(hour), period]);
  }
  const other: Record<string, string[]> = {
    "y'all": ["y'", "all"],
    yall: ["y", "all"],
    "how'd'y": ["how", "'d", "'y"],
    "How'd'y": ["How", "'d", "'y"],
    "not've": ["not", "'ve"],
    notve: ["not", "ve"],
    "Not've": ["Not", "'ve"],
    Notve: ["Not", "ve"],
    cannot: ["can", "not"],
    Cannot: ["Can", "not"],
    gonna: ["gon", "na"],
    Gonna: ["Gon", "na"],
    gotta: ["got", "ta"],
    Gotta: ["Got", "ta"],
    "let's": ["let", "'s"],
    "Let's": ["Let", "'s"],
    "c'mon": ["c'm", "on"],
    "C'mon": ["C'm", "on"],
  };
  for (const [orth, pieces] of Object.entries(other)) add(orth, pieces);
  const whole = [
    "'S",
    "'s",
    "\u2018S",
    "\u2018s",
    "and/or",
    "w/o",
    "'re",
    "'Cause",
    "'cause",
    "'cos",
    "'Cos",
    "'coz",
    "'Coz",
    "'cuz",
    "'Cuz",
    "'bout",
    "ma'am",
    "Ma'am",
    "o'clock",
    "O'clock",
    "lovin'",
    "Lovin'",
    "lovin",
    "Lovin",
    "havin'",
    "Havin'",
    "havin",
    "Havin",
    "doin'",
    "Doin'",
    "doin",
    "Doin",
    "goin'",
    "Goin'",
    "goin",
    "Goin",
    "Mt.",
    "Ak.",
    "Ala.",
    "Apr.",
    "Ariz.",
    "Ark.",
    "Aug.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Dec.",
    "Del.",
    "Feb.",
    "Fla.",
    "Ga.",
    "Ia.",
    "Id.",
    "Ill.",
    "Ind.",
    "Jan.",
    "Jul.",
    "Jun.",
    "Kan.",
    "Kans.",
    "Ky.",
    "La.",
    "Mar.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "N.C.",
    "N.D.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "Neb.",
    "Nebr.",
    "Nev.",
    "Nov.",
    "Oct.",
    "Okla.",
    "Ore.",
    "Pa.",
    "S.C.",
    "Sep.",
    "Sept.",
    "Tenn.",
    "Va.",
    "Wash.",
    "Wis.",
    "'d",
    "a.m.",
    "Adm.",
    "Bros.",
    "co.",
    "Co.",
    "Corp.",
    "D.C.",
    "Dr.",
    "e.g.",
    "E.g.",
    "E.G.",
    "Gen.",
    "Gov.",
    "i.e.",
    "I.e.",
    "I.E.",
    "Inc.",
    "Jr.",
    "Ltd.",
    "Md.",
    "Messrs.",
    "Mo.",
    "Mont.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "p.m.",
    "Ph.D.",
    "Prof.",
    "Rep.",
    "Rev.",
    "Sen.",
    "St.",
    "vs.",
    "v.s.",
  ];
  for (const orth of whole) add(orth, [orth]);
  for (const excluded of [
    "Ill",
    "ill",
    "Its",
    "its",
    "Hell",
    "hell",
    "Shell",
    "shell",
    "Shed",
    "shed",
    "were",
    "Were",
    "Well",
    "well",
    "Whore",
    "whore",
  ]) {
    exc.delete(excluded);
  }
  return exc;
}

/** spaCy's language-independent exceptions: white space, single letters with a period, emoticons. */
function baseExceptions(): Map<string, readonly string[]> {
  const exc = new Map<string, readonly string[]>();
  for (const orth of [" ", "\t", "\\t", "\n", "\\n", "\u2014", "\u00a0", "'", '\\")', "<space>", "''", "C++"]) exc.set(orth, [orth]);
  for (const letter of "abcdefghijklmnopqrstuvwxyzäöü") exc.set(`${letter}.`, [`${letter}.`]);
  const emoticons = String.raw`:) :-) :)) :-)) :))) :-))) (: (-: =) (= ") :] :-] [: [-: :o) (o: :} :-} 8) 8-) (-8 ;) ;-) (; (-;
:( :-( :(( :-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-| :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :()
>:o :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D ;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. ;_; -_- -__-
v.v V.V v_v V_V o_o o_O O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) (-_-) (._.) (>_<) (*_*) (¬_¬)
ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>`;
  for (const orth of emoticons.split(/\s+/)) if (orth !== "") exc.set(orth, [orth]);
  return exc;
}

/** Every special case of the English tokenizer: BASE_EXCEPTIONS updated with the English ones. */
export const ENGLISH_SPECIAL_CASES: ReadonlyMap<string, readonly string[]> = new Map([...baseExceptions(), ...englishExceptions()]);
