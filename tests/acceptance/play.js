// Play conversations through virtual-alexa (the independent client) against a running skill.
// usage: node play.js MODELS_DIR SKILL_URL CASES_JSON  -> prints a JSON list of results
// Each case is {"name", "locale"?, "say": [utterances]}; a new VirtualAlexa (a new user and a
// new session) per case. A turn that virtual-alexa cannot match records {"error": message}.
const { VirtualAlexa } = require("virtual-alexa");
const { SamplePhrase } = require("virtual-core/lib/src/SampleUtterances.js");
const fs = require("fs");

// virtual-core builds each sample's RegExp anew for every utterance it matches; with thousands of
// samples that is most of the time. Caching the compiled RegExp changes nothing the client
// decides (the same pattern, the same flags) and makes a corpus run about five times faster.
SamplePhrase.prototype.regex = function () {
  return this._compiled || (this._compiled = new RegExp("^" + this._regex + "$", "i"));
};
const models = {};

async function play(modelsDir, url, testCase) {
  const locale = testCase.locale || "en-US";
  models[locale] = models[locale] || JSON.parse(fs.readFileSync(`${modelsDir}/${locale}.json`, "utf8"));
  const alexa = VirtualAlexa.Builder().interactionModel(models[locale]).skillURL(url).locale(locale).create();
  let sent = null;
  alexa.filter((request) => { sent = request; });
  const turns = [];
  for (const utterance of testCase.say) {
    try {
      const reply = await alexa.utter(utterance);
      const response = (reply && reply.response) || {};
      turns.push({
        utterance,
        request: sent.request.intent ? sent.request.intent.name : sent.request.type,
        ssml: response.outputSpeech ? response.outputSpeech.ssml : "",
        ended: response.shouldEndSession === true,
        directives: (response.directives || []).map((d) => d.type),
      });
    } catch (error) {
      turns.push({ utterance, error: String(error.message || error) });
    }
  }
  return { name: testCase.name, turns };
}

// A few cases at once (each its own user and session): while one waits for the skill's answer,
// another's utterance is matched, so the client's matching and the skill's work overlap (on two
// cores about half the time of one case after another). Results keep the cases' order.
const AT_ONCE = Number(process.env.PLAY_AT_ONCE || 4);

(async () => {
  const [modelsDir, url, casesFile] = process.argv.slice(2);
  const cases = JSON.parse(fs.readFileSync(casesFile, "utf8"));
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const i = next++;
      results[i] = await play(modelsDir, url, cases[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, AT_ONCE) }, worker));
  process.stdout.write(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
