/**
 * spaCy v3's character classes (`spacy/lang/char_classes.py`, MIT licence, © Explosion AI), as
 * JavaScript `u`-mode regular-expression class bodies. Only what the English tokenizer uses.
 * Python's `\UXXXXXXXX` escapes are written `\u{…}`; everything else is copied as it is.
 */

const bengali = String.raw`\u0980-\u09FF`;
const hebrew = String.raw`\u0591-\u05F4\uFB1D-\uFB4F`;
const hindi = String.raw`\u0900-\u097F`;
const kannada = String.raw`\u0C80-\u0CFF`;
const tamil = String.raw`\u0B80-\u0BFF`;
const telugu = String.raw`\u0C00-\u0C7F`;
const cjk =
  String.raw`\u4E00-\u62FF\u6300-\u77FF\u7800-\u8CFF\u8D00-\u9FFF\u3400-\u4DBF` +
  String.raw`\u{20000}-\u{215FF}\u{21600}-\u{230FF}\u{23100}-\u{245FF}` +
  String.raw`\u{24600}-\u{260FF}\u{26100}-\u{275FF}\u{27600}-\u{290FF}` +
  String.raw`\u{29100}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}` +
  String.raw`\u{2B820}-\u{2CEAF}\u{2CEB0}-\u{2EBEF}\u2E80-\u2EFF\u2F00-\u2FDF` +
  String.raw`\u2FF0-\u2FFF\u3000-\u303F\u31C0-\u31EF\u3200-\u32FF\u3300-\u33FF` +
  String.raw`\uF900-\uFAFF\uFE30-\uFE4F\u{1F200}-\u{1F2FF}\u{2F800}-\u{2FA1F}`;

const latinUpperStandard = "A-Z";
const latinLowerStandard = "a-z";
const latinUpperFullwidth = String.raw`\uFF21-\uFF3A`;
const latinLowerFullwidth = String.raw`\uFF41-\uFF5A`;
const latinUpperSupplement = String.raw`\u00C0-\u00D6\u00D8-\u00DE`;
const latinLowerSupplement = String.raw`\u00DF-\u00F6\u00F8-\u00FF`;
const latinSupplement = String.raw`\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF`;
const hangul = String.raw`\uAC00-\uD7AF\u1100-\u11FF`;

const latinUpperExtendedA =
  String.raw`\u0100\u0102\u0104\u0106\u0108\u010A\u010C\u010E\u0110\u0112\u0114\u0116\u0118\u011A\u011C` +
  String.raw`\u011E\u0120\u0122\u0124\u0126\u0128\u012A\u012C\u012E\u0130\u0132\u0134\u0136\u0139\u013B` +
  String.raw`\u013D\u013F\u0141\u0143\u0145\u0147\u014A\u014C\u014E\u0150\u0152\u0154\u0156\u0158` +
  String.raw`\u015A\u015C\u015E\u0160\u0162\u0164\u0166\u0168\u016A\u016C\u016E\u0170\u0172\u0174\u0176` +
  String.raw`\u0178\u0179\u017B\u017D`;
const latinLowerExtendedA =
  String.raw`\u0101\u0103\u0105\u0107\u0109\u010B\u010D\u010F\u0111\u0113\u0115\u0117\u0119\u011B\u011D` +
  String.raw`\u011F\u0121\u0123\u0125\u0127\u0129\u012B\u012D\u012F\u0131\u0133\u0135\u0137\u0138\u013A` +
  String.raw`\u013C\u013E\u0140\u0142\u0144\u0146\u0148\u0149\u014B\u014D\u014F\u0151\u0153\u0155\u0157` +
  String.raw`\u0159\u015B\u015D\u015F\u0161\u0163\u0165\u0167\u0169\u016B\u016D\u016F\u0171\u0173\u0175` +
  String.raw`\u0177\u017A\u017C\u017E\u017F`;
const latinExtendedA = String.raw`\u0100-\u017F`;

const latinUpperExtendedB =
  String.raw`\u0181\u0182\u0184\u0186\u0187\u0189-\u018B\u018E-\u0191\u0193\u0194\u0196-\u0198\u019C` +
  String.raw`\u019D\u019F\u01A0\u01A2\u01A4\u01A6\u01A7\u01A9\u01AC\u01AE\u01AF\u01B1-\u01B3\u01B5` +
  String.raw`\u01B7\u01B8\u01BC\u01C4\u01C7\u01CA\u01CD\u01CF\u01D1\u01D3\u01D5\u01D7\u01D9\u01DB` +
  String.raw`\u01DE\u01E0\u01E2\u01E4\u01E6\u01E8\u01EA\u01EC\u01EE\u01F1\u01F4\u01F6-\u01F8\u01FA` +
  String.raw`\u01FC\u01FE\u0200\u0202\u0204\u0206\u0208\u020A\u020C\u020E\u0210\u0212\u0214\u0216` +
  String.raw`\u0218\u021A\u021C\u021E\u0220\u0222\u0224\u0226\u0228\u022A\u022C\u022E\u0230\u0232` +
  String.raw`\u023A\u023B\u023D\u023E\u0241\u0243-\u0246\u0248\u024A\u024C\u024E`;
const latinLowerExtendedB =
  String.raw`\u0180\u0183\u0185\u0188\u018C\u018D\u0192\u0195\u0199-\u019B\u019E\u01A1\u01A3\u01A5` +
  String.raw`\u01A8\u01AA\u01AB\u01AD\u01B0\u01B4\u01B6\u01B9\u01BA\u01BD-\u01BF\u01C6\u01C9\u01CC` +
  String.raw`\u01CE\u01D0\u01D2\u01D4\u01D6\u01D8\u01DA\u01DC\u01DD\u01DF\u01E1\u01E3\u01E5\u01E7` +
  String.raw`\u01E9\u01EB\u01ED\u01EF\u01F0\u01F3\u01F5\u01F9\u01FB\u01FD\u01FF\u0201\u0203\u0205` +
  String.raw`\u0207\u0209\u020B\u020D\u020F\u0211\u0213\u0215\u0217\u0219\u021B\u021D\u021F\u0221` +
  String.raw`\u0223\u0225\u0227\u0229\u022B\u022D\u022F\u0231\u0233-\u0239\u023C\u023F\u0240\u0242` +
  String.raw`\u0247\u0249\u024B\u024D\u024F`;
const latinExtendedB = String.raw`\u0180-\u01BF\u01C4-\u024F`;

const latinUpperExtendedC = String.raw`\u2C60\u2C62-\u2C64\u2C67\u2C69\u2C6B\u2C6D-\u2C70\u2C72\u2C75\u2C7E\u2C7F`;
const latinLowerExtendedC = String.raw`\u2C61\u2C65\u2C66\u2C68\u2C6A\u2C6C\u2C71\u2C73\u2C74\u2C76-\u2C7B`;
const latinExtendedC = String.raw`\u2C60-\u2C7B\u2C7E\u2C7F`;

const latinUpperExtendedD =
  String.raw`\uA722\uA724\uA726\uA728\uA72A\uA72C\uA72E\uA732\uA734\uA736\uA738\uA73A\uA73C` +
  String.raw`\uA73E\uA740\uA742\uA744\uA746\uA748\uA74A\uA74C\uA74E\uA750\uA752\uA754\uA756\uA758` +
  String.raw`\uA75A\uA75C\uA75E\uA760\uA762\uA764\uA766\uA768\uA76A\uA76C\uA76E\uA779\uA77B\uA77D` +
  String.raw`\uA77E\uA780\uA782\uA784\uA786\uA78B\uA78D\uA790\uA792\uA796\uA798\uA79A\uA79C\uA79E` +
  String.raw`\uA7A0\uA7A2\uA7A4\uA7A6\uA7A8\uA7AA-\uA7AE\uA7B0-\uA7B4\uA7B6\uA7B8`;
const latinLowerExtendedD =
  String.raw`\uA723\uA725\uA727\uA729\uA72B\uA72D\uA72F-\uA731\uA733\uA735\uA737\uA739\uA73B\uA73D` +
  String.raw`\uA73F\uA741\uA743\uA745\uA747\uA749\uA74B\uA74D\uA74F\uA751\uA753\uA755\uA757\uA759` +
  String.raw`\uA75B\uA75D\uA75F\uA761\uA763\uA765\uA767\uA769\uA76B\uA76D\uA76F\uA771-\uA778\uA77A` +
  String.raw`\uA77C\uA77F\uA781\uA783\uA785\uA787\uA78C\uA78E\uA791\uA793-\uA795\uA797\uA799\uA79B` +
  String.raw`\uA79D\uA79F\uA7A1\uA7A3\uA7A5\uA7A7\uA7A9\uA7AF\uA7B5\uA7B7\uA7B9\uA7FA`;
const latinExtendedD = String.raw`\uA722-\uA76F\uA771-\uA787\uA78B-\uA78E\uA790-\uA7B9\uA7FA`;

const latinLowerExtendedE = String.raw`\uAB30-\uAB5A\uAB60-\uAB64`;
const latinLowerPhonetic = String.raw`\u0250-\u02AF\u1D00-\u1D25\u1D6B-\u1D77\u1D79-\u1D9A`;

const latinUpperDiacritics =
  String.raw`\u1E00\u1E02\u1E04\u1E06\u1E08\u1E0A\u1E0C\u1E0E\u1E10\u1E12\u1E14\u1E16\u1E18\u1E1A` +
  String.raw`\u1E1C\u1E1E\u1E20\u1E22\u1E24\u1E26\u1E28\u1E2A\u1E2C\u1E2E\u1E30\u1E32\u1E34\u1E36` +
  String.raw`\u1E38\u1E3A\u1E3C\u1E3E\u1E40\u1E42\u1E44\u1E46\u1E48\u1E4A\u1E4C\u1E4E\u1E50\u1E52` +
  String.raw`\u1E54\u1E56\u1E58\u1E5A\u1E5C\u1E5E\u1E60\u1E62\u1E64\u1E66\u1E68\u1E6A\u1E6C\u1E6E` +
  String.raw`\u1E70\u1E72\u1E74\u1E76\u1E78\u1E7A\u1E7C\u1E7E\u1E80\u1E82\u1E84\u1E86\u1E88\u1E8A` +
  String.raw`\u1E8C\u1E8E\u1E90\u1E92\u1E94\u1E9E\u1EA0\u1EA2\u1EA4\u1EA6\u1EA8\u1EAA\u1EAC\u1EAE` +
  String.raw`\u1EB0\u1EB2\u1EB4\u1EB6\u1EB8\u1EBA\u1EBC\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1EC8` +
  String.raw`\u1ECA\u1ECC\u1ECE\u1ED0\u1ED2\u1ED4\u1ED6\u1ED8\u1EDA\u1EDC\u1EDE\u1EE0\u1EE2\u1EE4` +
  String.raw`\u1EE6\u1EE8\u1EEA\u1EEC\u1EEE\u1EF0\u1EF2\u1EF4\u1EF6\u1EF8\u1EFA\u1EFC\u1EFE`;
const latinLowerDiacritics =
  String.raw`\u1E01\u1E03\u1E05\u1E07\u1E09\u1E0B\u1E0D\u1E0F\u1E11\u1E13\u1E15\u1E17\u1E19\u1E1B` +
  String.raw`\u1E1D\u1E1F\u1E21\u1E23\u1E25\u1E27\u1E29\u1E2B\u1E2D\u1E2F\u1E31\u1E33\u1E35\u1E37` +
  String.raw`\u1E39\u1E3B\u1E3D\u1E3F\u1E41\u1E43\u1E45\u1E47\u1E49\u1E4B\u1E4D\u1E4F\u1E51\u1E53` +
  String.raw`\u1E55\u1E57\u1E59\u1E5B\u1E5D\u1E5F\u1E61\u1E63\u1E65\u1E67\u1E69\u1E6B\u1E6D\u1E6F` +
  String.raw`\u1E71\u1E73\u1E75\u1E77\u1E79\u1E7B\u1E7D\u1E7F\u1E81\u1E83\u1E85\u1E87\u1E89\u1E8B` +
  String.raw`\u1E8D\u1E8F\u1E91\u1E93\u1E95-\u1E9D\u1E9F\u1EA1\u1EA3\u1EA5\u1EA7\u1EA9\u1EAB\u1EAD` +
  String.raw`\u1EAF\u1EB1\u1EB3\u1EB5\u1EB7\u1EB9\u1EBB\u1EBD\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1EC9` +
  String.raw`\u1ECB\u1ECD\u1ECF\u1ED1\u1ED3\u1ED5\u1ED7\u1ED9\u1EDB\u1EDD\u1EDF\u1EE1\u1EE3\u1EE5` +
  String.raw`\u1EE7\u1EE9\u1EEB\u1EED\u1EEF\u1EF1\u1EF3\u1EF5\u1EF7\u1EF9\u1EFB\u1EFD\u1EFF`;
const latinDiacritics = String.raw`\u1E00-\u1EFF`;

const latinLower =
  latinLowerStandard +
  latinLowerFullwidth +
  latinLowerSupplement +
  latinLowerExtendedA +
  latinLowerExtendedB +
  latinLowerExtendedC +
  latinLowerExtendedD +
  latinLowerExtendedE +
  latinLowerPhonetic +
  latinLowerDiacritics;
const latinUpper =
  latinUpperStandard +
  latinUpperFullwidth +
  latinUpperSupplement +
  latinUpperExtendedA +
  latinUpperExtendedB +
  latinUpperExtendedC +
  latinUpperExtendedD +
  latinUpperDiacritics;
const latin =
  latinUpperStandard +
  latinLowerStandard +
  latinUpperFullwidth +
  latinLowerFullwidth +
  latinSupplement +
  latinExtendedA +
  latinExtendedB +
  latinExtendedC +
  latinExtendedD +
  latinLowerExtendedE +
  latinLowerPhonetic +
  latinDiacritics;

const persian =
  String.raw`\u0620-\u064A\u066E-\u06D5\u06E5-\u06FF\u0750-\u077F\u08A0-\u08BD` +
  String.raw`\uFB50-\uFBB1\uFBD3-\uFD3D\uFD50-\uFDC7\uFDF0-\uFDFB\uFE70-\uFEFC\u{1EE00}-\u{1EEBB}`;
const sinhala = String.raw`\u0D80-\u0DFF`;

const russianLower = "ёа-я";
const russianUpper = "ЁА-Я";
const tatarLower = "әөүҗңһ";
const tatarUpper = "ӘӨҮҖҢҺ";
const greekLower = "α-ωάέίόώήύ";
const greekUpper = "Α-ΩΆΈΊΌΏΉΎ";
const ukrainianLower = "а-щюяіїєґ";
const ukrainianUpper = "А-ЩЮЯІЇЄҐ";

const uncased = bengali + hebrew + persian + sinhala + hindi + kannada + tamil + telugu + hangul + cjk;

export const ALPHA =
  latin + russianLower + russianUpper + tatarLower + tatarUpper + greekLower + greekUpper + ukrainianLower + ukrainianUpper + uncased;
export const ALPHA_LOWER = latinLower + russianLower + tatarLower + greekLower + ukrainianLower + uncased;
export const ALPHA_UPPER = latinUpper + russianUpper + tatarUpper + greekUpper + ukrainianUpper + uncased;

/** Units, currencies, punctuation, quotes and hyphens: space-separated as in spaCy (escapes already JavaScript). */
export const UNITS_TEXT =
  "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft " +
  "kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb " +
  "TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм " +
  "кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тб" +
  "كم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ كم غرام جرام جم كغ ملغ كوب اكواب";
export const CURRENCY_TEXT = String.raw`\$ £ € ¥ ฿ US\$ C\$ A\$ ₽ ﷼ ₴`;
export const PUNCT_TEXT = String.raw`… …… , : ; ! \? ¿ ؟ ¡ \( \) \[ \] \{ \} < > _ # \* & 。 ？ ！ ， 、 ； ： ～ · । ، ۔ ؛ ٪`;
export const QUOTES_TEXT = `' " ” “ \` ‘ ´ ’ ‚ , „ » « 「 」 『 』 （ ） 〔 〕 【 】 《 》 〈 〉`;
export const HYPHENS_TEXT = "- – — -- --- —— ~";

/** Symbols and emoji (Unicode category So), spaCy's ICONS. */
export const ICONS =
  String.raw`\u00A6\u00A9\u00AE\u00B0\u0482\u058D\u058E\u060E\u060F\u06DE\u06E9\u06FD\u06FE\u07F6\u09FA\u0B70` +
  String.raw`\u0BF3-\u0BF8\u0BFA\u0C7F\u0D4F\u0D79\u0F01-\u0F03\u0F13\u0F15-\u0F17\u0F1A-\u0F1F\u0F34` +
  String.raw`\u0F36\u0F38\u0FBE-\u0FC5\u0FC7-\u0FCC\u0FCE\u0FCF\u0FD5-\u0FD8\u109E\u109F\u1390-\u1399` +
  String.raw`\u1940\u19DE-\u19FF\u1B61-\u1B6A\u1B74-\u1B7C\u2100\u2101\u2103-\u2106\u2108\u2109\u2114\u2116` +
  String.raw`\u2117\u211E-\u2123\u2125\u2127\u2129\u212E\u213A\u213B\u214A\u214C\u214D\u214F\u218A\u218B` +
  String.raw`\u2195-\u2199\u219C-\u219F\u21A1\u21A2\u21A4\u21A5\u21A7-\u21AD\u21AF-\u21CD\u21D0\u21D1\u21D3` +
  String.raw`\u21D5-\u21F3\u2300-\u2307\u230C-\u231F\u2322-\u2328\u232B-\u237B\u237D-\u239A\u23B4-\u23DB` +
  String.raw`\u23E2-\u2426\u2440-\u244A\u249C-\u24E9\u2500-\u25B6\u25B8-\u25C0\u25C2-\u25F7\u2600-\u266E` +
  String.raw`\u2670-\u2767\u2794-\u27BF\u2800-\u28FF\u2B00-\u2B2F\u2B45\u2B46\u2B4D-\u2B73\u2B76-\u2B95` +
  String.raw`\u2B98-\u2BC8\u2BCA-\u2BFE\u2CE5-\u2CEA\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u2FF0-\u2FFB` +
  String.raw`\u3004\u3012\u3013\u3020\u3036\u3037\u303E\u303F\u3190\u3191\u3196-\u319F\u31C0-\u31E3` +
  String.raw`\u3200-\u321E\u322A-\u3247\u3250\u3260-\u327F\u328A-\u32B0\u32C0-\u32FE\u3300-\u33FF\u4DC0-\u4DFF` +
  String.raw`\uA490-\uA4C6\uA828-\uA82B\uA836\uA837\uA839\uAA77-\uAA79\uFDFD\uFFE4\uFFE8\uFFED\uFFEE\uFFFC` +
  String.raw`\uFFFD\u{10137}-\u{1013F}\u{10179}-\u{10189}\u{1018C}-\u{1018E}\u{10190}-\u{1019B}` +
  String.raw`\u{101A0}\u{101D0}-\u{101FC}\u{10877}\u{10878}\u{10AC8}\u{1173F}\u{16B3C}-\u{16B3F}` +
  String.raw`\u{16B45}\u{1BC9C}\u{1D000}-\u{1D0F5}\u{1D100}-\u{1D126}\u{1D129}-\u{1D164}` +
  String.raw`\u{1D16A}-\u{1D16C}\u{1D183}\u{1D184}\u{1D18C}-\u{1D1A9}\u{1D1AE}-\u{1D1E8}` +
  String.raw`\u{1D200}-\u{1D241}\u{1D245}\u{1D300}-\u{1D356}\u{1D800}-\u{1D9FF}\u{1DA37}-\u{1DA3A}` +
  String.raw`\u{1DA6D}-\u{1DA74}\u{1DA76}-\u{1DA83}\u{1DA85}\u{1DA86}\u{1ECAC}\u{1F000}-\u{1F02B}` +
  String.raw`\u{1F030}-\u{1F093}\u{1F0A0}-\u{1F0AE}\u{1F0B1}-\u{1F0BF}\u{1F0C1}-\u{1F0CF}` +
  String.raw`\u{1F0D1}-\u{1F0F5}\u{1F110}-\u{1F16B}\u{1F170}-\u{1F1AC}\u{1F1E6}-\u{1F202}` +
  String.raw`\u{1F210}-\u{1F23B}\u{1F240}-\u{1F248}\u{1F250}\u{1F251}\u{1F260}-\u{1F265}` +
  String.raw`\u{1F300}-\u{1F3FA}\u{1F400}-\u{1F6D4}\u{1F6E0}-\u{1F6EC}\u{1F6F0}-\u{1F6F9}` +
  String.raw`\u{1F700}-\u{1F773}\u{1F780}-\u{1F7D8}\u{1F800}-\u{1F80B}\u{1F810}-\u{1F847}` +
  String.raw`\u{1F850}-\u{1F859}\u{1F860}-\u{1F887}\u{1F890}-\u{1F8AD}\u{1F900}-\u{1F90B}` +
  String.raw`\u{1F910}-\u{1F93E}\u{1F940}-\u{1F970}\u{1F973}-\u{1F976}\u{1F97A}\u{1F97C}-\u{1F9A2}` +
  String.raw`\u{1F9B0}-\u{1F9B9}\u{1F9C0}-\u{1F9C2}\u{1F9D0}-\u{1F9FF}\u{1FA60}-\u{1FA6D}`;
